/**
 * The issue's targets, checked against a run's figures.
 */
import { baselineOf, type Figure } from "./figures";
import { p99Ratio } from "./report";

export interface TargetCheck {
  target: string;
  figure: string;
  value: number | null;
  met: boolean;
}

const name = (f: Figure) => `${f.scenario} ${f.layer} ${f.connections}c`;

/** The server CPU per request of a figure over its baseline's at the same concurrency. */
export function cpuRatio(figure: Figure, figures: Figure[]): number | null {
  const baseline = baselineOf(figure, figures);
  return baseline?.server_cpu_ms && figure.server_cpu_ms !== undefined ? figure.server_cpu_ms / baseline.server_cpu_ms : null;
}

/** Issue 13 (performance): updates ≥ 0.8 × with p99 ≤ 1.5 ×, CPU per update and per read ≤ 1.5 ×, embedded ≥ 400 updates/s. */
const ISSUE_13 = { updateFloor: 0.8, p99: 1.5, cpu: 1.5, embeddedUpdates: 400 };

export function checkTargets(figures: Figure[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const f of figures) {
    if (f.layer === "baseline" || f.layer.includes("@")) continue; // targets are for this build's layers
    const compared = f.connections === 8 || f.connections === 32;
    if (["update", "update-layout", "read"].includes(f.scenario) && compared) {
      const floor = f.scenario === "read" ? 0.4 : 0.5;
      checks.push({ target: `rps ≥ ${floor} × baseline`, figure: name(f), value: f.ratio_to_baseline, met: (f.ratio_to_baseline ?? 0) >= floor });
      const p99 = p99Ratio(f, figures);
      checks.push({ target: "p99 ≤ 2 × baseline", figure: name(f), value: p99, met: p99 !== null && p99 <= 2 });
    }
    if (f.scenario === "update" && compared) {
      const floor = ISSUE_13.updateFloor;
      checks.push({ target: `rps ≥ ${floor} × baseline`, figure: name(f), value: f.ratio_to_baseline, met: (f.ratio_to_baseline ?? 0) >= floor });
      const p99 = p99Ratio(f, figures);
      checks.push({ target: `p99 ≤ ${ISSUE_13.p99} × baseline`, figure: name(f), value: p99, met: p99 !== null && p99 <= ISSUE_13.p99 });
    }
    if ((f.scenario === "update" || f.scenario === "read") && compared) {
      const cpu = cpuRatio(f, figures);
      checks.push({ target: `CPU ≤ ${ISSUE_13.cpu} × baseline`, figure: name(f), value: cpu, met: cpu !== null && cpu <= ISSUE_13.cpu });
    }
    if (f.scenario === "update-pglite" && f.connections === 8) {
      const floor = ISSUE_13.embeddedUpdates;
      checks.push({ target: `≥ ${floor} updates/s`, figure: name(f), value: f.rps, met: f.rps >= floor });
    }
    if (f.scenario === "list-photographer-week" || f.scenario === "list-office-week") {
      checks.push({ target: "p95 < 20 ms", figure: name(f), value: f.p95_ms, met: f.p95_ms < 20 });
      checks.push({ target: "plan uses the index", figure: name(f), value: null, met: f.index_used === true });
    }
    if (f.scenario === "board-day") {
      checks.push({ target: "p95 < 50 ms", figure: name(f), value: f.p95_ms, met: f.p95_ms < 50 });
      checks.push({ target: "plan uses the index", figure: name(f), value: null, met: f.index_used === true });
    }
  }
  return checks;
}

export function formatTargets(checks: TargetCheck[]): string {
  return checks
    .map((c) => `${c.met ? "met   " : "MISSED"}  ${c.target.padEnd(24)} ${c.figure.padEnd(34)} ${c.value === null ? "" : c.value.toFixed(2)}`)
    .join("\n");
}

/** Issue 10's live-change targets: fan-out p99 < 250 ms (2 processes, 500 subscriptions), < 50 MB per 1,000 subscriptions. */
export function checkLiveTargets(live: {
  subscriptions: number;
  processes: number;
  fanout_p99_ms: number;
  missed: number;
  memory_mb_per_1000: number;
}): TargetCheck[] {
  const figure = `live ${live.processes} processes ${live.subscriptions} subs`;
  return [
    { target: "fan-out p99 < 250 ms", figure, value: live.fanout_p99_ms, met: live.fanout_p99_ms < 250 },
    { target: "no event missed", figure, value: live.missed, met: live.missed === 0 },
    { target: "< 50 MB / 1,000 subs", figure: "live memory", value: live.memory_mb_per_1000, met: live.memory_mb_per_1000 < 50 },
  ];
}
