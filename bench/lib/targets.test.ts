/**
 * The target check against the issues' own numbers (issue 5: ≥ 0.5 ×, p99 ≤
 * 2 ×; issue 13: updates ≥ 0.8 ×, p99 ≤ 1.5 ×, CPU per update and per read
 * ≤ 1.5 ×, embedded ≥ 400 updates/s), on figures written out here.
 */
import { describe, expect, it } from "vitest";
import type { Figure } from "./figures";
import { checkTargets, cpuRatio } from "./targets";

function figure(scenario: string, layer: string, connections: number, rps: number, p99_ms: number, server_cpu_ms?: number): Figure {
  return { scenario, layer, connections, rps, p50_ms: 1, p95_ms: 1, p99_ms, ratio_to_baseline: null, server_cpu_ms, failed: 0, late: 0, samples: [] };
}

function withRatios(figures: Figure[]): Figure[] {
  for (const f of figures) {
    const base = figures.find((b) => b.layer === "baseline" && b.scenario === f.scenario && b.connections === f.connections);
    f.ratio_to_baseline = base ? f.rps / base.rps : null;
  }
  return figures;
}

const verdicts = (figures: Figure[], figureName: string) =>
  Object.fromEntries(
    checkTargets(withRatios(figures))
      .filter((c) => c.figure === figureName)
      .map((c) => [c.target, c.met]),
  );

describe("the bench's target check", () => {
  it("holds an update to issue 13: 0.8 × the baseline's rate, 1.5 × its p99 and 1.5 × its CPU", () => {
    const base = figure("update", "baseline", 8, 1000, 20, 0.4);
    expect(verdicts([base, figure("update", "rest", 8, 800, 30, 0.6)], "update rest 8c")).toEqual({
      "rps ≥ 0.5 × baseline": true,
      "p99 ≤ 2 × baseline": true,
      "rps ≥ 0.8 × baseline": true,
      "p99 ≤ 1.5 × baseline": true,
      "CPU ≤ 1.5 × baseline": true,
    });
    expect(verdicts([base, figure("update", "trpc", 8, 790, 31, 0.61)], "update trpc 8c")).toEqual({
      "rps ≥ 0.5 × baseline": true,
      "p99 ≤ 2 × baseline": true,
      "rps ≥ 0.8 × baseline": false,
      "p99 ≤ 1.5 × baseline": false,
      "CPU ≤ 1.5 × baseline": false,
    });
  });

  it("holds a read to issue 5's rate and p99 and issue 13's CPU, and a layout save to issue 9's", () => {
    const reads = [figure("read", "baseline", 32, 2000, 10, 0.2), figure("read", "trpc", 32, 900, 19, 0.31)];
    expect(verdicts(reads, "read trpc 32c")).toEqual({ "rps ≥ 0.4 × baseline": true, "p99 ≤ 2 × baseline": true, "CPU ≤ 1.5 × baseline": false });
    const layout = [figure("update-layout", "baseline", 8, 1000, 10, 0.4), figure("update-layout", "rest", 8, 500, 20, 2)];
    expect(verdicts(layout, "update-layout rest 8c")).toEqual({ "rps ≥ 0.5 × baseline": true, "p99 ≤ 2 × baseline": true });
  });

  it("holds the embedded default to 400 updates/s at 8 connections, whatever its baseline", () => {
    const embedded = [
      figure("update-pglite", "baseline", 8, 2000, 5, 0.3),
      figure("update-pglite", "rest", 8, 400, 30),
      figure("update-pglite", "trpc", 8, 399, 30),
    ];
    expect(verdicts(embedded, "update-pglite rest 8c")).toEqual({ "≥ 400 updates/s": true });
    expect(verdicts(embedded, "update-pglite trpc 8c")).toEqual({ "≥ 400 updates/s": false });
  });

  it("cannot meet a CPU target without a CPU figure, and leaves @before layers out", () => {
    const figures = [figure("update", "baseline", 8, 1000, 20, 0.4), figure("update", "rest", 8, 1000, 20), figure("update", "rest@before", 8, 100, 90, 9)];
    expect(cpuRatio(figures[1]!, figures)).toBeNull();
    expect(verdicts(figures, "update rest 8c")["CPU ≤ 1.5 × baseline"]).toBe(false);
    expect(checkTargets(withRatios(figures)).some((c) => c.figure.includes("@before"))).toBe(false);
  });
});
