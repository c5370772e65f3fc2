/**
 * A figure is one cell of the table: a scenario on one layer at one
 * concurrency. Each is warmed up (not recorded) and then measured `runs`
 * times; the reported numbers are medians. Runs of different layers are
 * interleaved (A B C A B C …) so that a slow moment of a shared machine hits
 * them alike instead of biasing one.
 */
import type { ServerProcess } from "./processes";
import { assertClean, failures, type LoadResult } from "./load";
import { samplePeak } from "./processes";

export interface Sample extends LoadResult {
  /** Peak RSS of the server under test during the run, MiB. */
  peak_rss_mb?: number;
  /** Server CPU time per successful request, ms. */
  server_cpu_ms?: number;
}

export interface FigureSpec {
  scenario: string;
  layer: string;
  connections: number;
  /** The process whose memory and CPU the figure reports (absent: not watched). */
  server?: ServerProcess;
  /** One load run of the given length; the spec prepares fresh versions itself. */
  load(durationS: number): Promise<LoadResult>;
  /** Extra fields for the results file. */
  extra?: Record<string, unknown>;
}

export interface Figure {
  scenario: string;
  layer: string;
  connections: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  ratio_to_baseline: number | null;
  peak_rss_mb?: number;
  server_cpu_ms?: number;
  failed: number;
  /** Successful answers after the runs' durations, summed (not in rps; the smoke test accounts for their writes). */
  late: number;
  samples: { rps: number; p50_ms: number; p99_ms: number }[];
  [extra: string]: unknown;
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

async function sample(spec: FigureSpec, durationS: number): Promise<Sample> {
  const server = spec.server;
  const stopRss = server ? samplePeak(() => server.rssMb()) : undefined;
  const cpuBefore = server?.cpuMs() ?? 0;
  const result = await spec.load(durationS);
  const peak = stopRss?.();
  return {
    ...result,
    ...(server ? { peak_rss_mb: peak, server_cpu_ms: (server.cpuMs() - cpuBefore) / Math.max(1, result.ok) } : {}),
  };
}

export interface MeasureOptions {
  durationS: number;
  warmupS: number;
  runs: number;
  log: (line: string) => void;
}

/** Warms up each spec, then measures all of them `runs` times, interleaved. */
export async function measure(specs: FigureSpec[], { durationS, warmupS, runs, log }: MeasureOptions): Promise<Figure[]> {
  const label = (spec: FigureSpec) => `${spec.scenario} ${spec.layer} ${spec.connections}c`;
  if (warmupS > 0) for (const spec of specs) assertClean(`${label(spec)} warm-up`, await spec.load(warmupS));
  const samples = new Map<FigureSpec, Sample[]>(specs.map((spec) => [spec, []]));
  for (let run = 1; run <= runs; run++) {
    for (const spec of specs) {
      const result = await sample(spec, durationS);
      assertClean(label(spec), result);
      samples.get(spec)!.push(result);
      // A run without answers has no percentiles (NaN comes back over IPC as null).
      const ms = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : value.toFixed(2));
      log(
        `  ${label(spec).padEnd(34)} run ${run}/${runs}: ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(result.p50_ms)} ms  p99 ${ms(result.p99_ms)} ms`,
      );
    }
  }
  return specs.map((spec) => {
    const all = samples.get(spec)!;
    const pick = (key: keyof Sample) => round(median(all.map((s) => s[key] as number)));
    return {
      scenario: spec.scenario,
      layer: spec.layer,
      connections: spec.connections,
      rps: round(median(all.map((s) => s.rps)), 1),
      p50_ms: pick("p50_ms"),
      p95_ms: pick("p95_ms"),
      p99_ms: pick("p99_ms"),
      ratio_to_baseline: null,
      ...(spec.server ? { peak_rss_mb: round(Math.max(...all.map((s) => s.peak_rss_mb ?? 0)), 1), server_cpu_ms: pick("server_cpu_ms") } : {}),
      failed: all.reduce((sum, s) => sum + failures(s), 0),
      late: all.reduce((sum, s) => sum + s.late, 0),
      samples: all.map((s) => ({ rps: round(s.rps, 1), p50_ms: round(s.p50_ms), p99_ms: round(s.p99_ms) })),
      ...spec.extra,
    };
  });
}

/** The scenario whose baseline a figure is compared with: its own, except scale-out runs (the single-server update). */
export const baselineScenario = (scenario: string) => scenario.replace(/-scale-out$/, "");

/** The baseline figure for the same scenario family and concurrency. */
export function baselineOf(figure: Figure, figures: Figure[]): Figure | undefined {
  const scenario = baselineScenario(figure.scenario);
  return figures.find((other) => other.layer === "baseline" && other.scenario === scenario && other.connections === figure.connections);
}

/** Fills `ratio_to_baseline`: each figure's rps over its baseline's. */
export function addRatios(figures: Figure[]): void {
  for (const figure of figures) {
    const baseline = baselineOf(figure, figures);
    figure.ratio_to_baseline = baseline && baseline.rps > 0 ? round(figure.rps / baseline.rps) : null;
  }
}
