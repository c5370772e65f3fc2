/**
 * The table on stdout and the results file (bench/results/latest.json).
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withClient } from "./database";
import { benchEnv } from "./env";
import { baselineOf, type Figure } from "./figures";

export interface Machine {
  description: string;
  cpu: string;
  cores: number;
  memory_gib: number;
  os: string;
  node: string;
  postgres: string;
  /** 1/5/15-minute load averages when the run started and ended: how busy the (possibly shared) machine was. */
  load_average: { start: number[]; end?: number[] };
  note?: string;
}

export async function describeMachine(serverUrl: string): Promise<Machine> {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown cpu";
  const cores = os.cpus().length;
  const memory = Math.round(os.totalmem() / 2 ** 30);
  const postgres = await withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]!.v;
  }).catch(() => "unknown");
  const note = benchEnv().BENCH_MACHINE_NOTE;
  return {
    description: `${cores} cores (${cpu}), ${memory} GiB, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${postgres} on loopback${note ? `; ${note}` : ""}`,
    cpu,
    cores,
    memory_gib: memory,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    load_average: { start: os.loadavg().map((n) => Number(n.toFixed(2))) },
    ...(note ? { note } : {}),
  };
}

const fixed = (value: unknown, digits: number) => (typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : "–");

/** The p99 of a figure over its baseline's at the same concurrency. */
export function p99Ratio(figure: Figure, figures: Figure[]): number | null {
  const baseline = baselineOf(figure, figures);
  return baseline && baseline.p99_ms > 0 ? figure.p99_ms / baseline.p99_ms : null;
}

export function formatTable(figures: Figure[]): string {
  const header = ["scenario", "layer", "conns", "req/s", "× base", "p50 ms", "p95 ms", "p99 ms", "p99 × base", "RSS MiB", "CPU ms/req"];
  const rows = figures.map((f) => [
    f.scenario,
    f.layer + (f.processes ? ` ×${f.processes}` : ""),
    String(f.connections),
    fixed(f.rps, 0),
    fixed(f.ratio_to_baseline, 2),
    fixed(f.p50_ms, 2),
    fixed(f.p95_ms, 2),
    fixed(f.p99_ms, 2),
    fixed(p99Ratio(f, figures), 2),
    fixed(f.peak_rss_mb, 0),
    fixed(f.server_cpu_ms, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface Results {
  machine: Machine;
  date: string;
  settings: Record<string, unknown>;
  runs: Figure[];
  notes: string[];
  plans?: Record<string, string>;
}

export async function writeResults(file: string, results: Results): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
