/**
 * The targets, checked against a run's figures.
 */
import type { Figure } from "./figures";
import { p99Ratio } from "./report";

export interface TargetCheck {
  target: string;
  figure: string;
  value: number | null;
  met: boolean;
}

const name = (f: Figure) => `${f.scenario} ${f.layer} ${f.connections}c`;

export function checkTargets(figures: Figure[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const f of figures) {
    if (f.layer === "baseline" || f.layer.includes("@")) continue; // targets are for this build's layers
    if (["update", "update-layout", "read"].includes(f.scenario) && (f.connections === 8 || f.connections === 32)) {
      const floor = f.scenario === "read" ? 0.4 : 0.5;
      checks.push({ target: `rps ≥ ${floor} × baseline`, figure: name(f), value: f.ratio_to_baseline, met: (f.ratio_to_baseline ?? 0) >= floor });
      const p99 = p99Ratio(f, figures);
      checks.push({ target: "p99 ≤ 2 × baseline", figure: name(f), value: p99, met: p99 !== null && p99 <= 2 });
    }
    if (f.scenario === "list-photographer-week" || f.scenario === "list-office-week") {
      checks.push({ target: "p95 < 20 ms", figure: name(f), value: f.p95_ms, met: f.p95_ms < 20 });
      checks.push({ target: "plan uses the index", figure: name(f), value: null, met: f.index_used === true });
    }
  }
  return checks;
}

export function formatTargets(checks: TargetCheck[]): string {
  return checks
    .map((c) => `${c.met ? "met   " : "MISSED"}  ${c.target.padEnd(22)} ${c.figure.padEnd(34)} ${c.value === null ? "" : c.value.toFixed(2)}`)
    .join("\n");
}
