/**
 * `appointment.bulk` against the single updates it replaces: the same rows
 * reassigned (a) one `appointment.update` per row, as a scheduler clicking
 * through records would, and (b) through `appointment.bulk` in chunks of 50,
 * as the list's bulk bar sends them. Both go through @plano/client over HTTP,
 * one request at a time, each row with its current version. The figure is
 * rows per second (in `rps`) and the per-request latency; the runs of the two
 * are interleaved so a busy moment of the machine hits both alike.
 */
import { createPlanoClient } from "@plano/client";
import { currentTargets, withClient } from "../lib/database";
import type { Figure } from "../lib/figures";

const CHUNK = 50;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function bulkFigures(options: {
  origin: string;
  token: string;
  databaseUrl: string;
  ids: number[];
  runs: number;
  log: (line: string) => void;
}): Promise<Figure[]> {
  const { origin, token, databaseUrl, ids, runs, log } = options;
  const client = createPlanoClient({ url: `${origin}/api/trpc`, token, application: "planoorder" });
  const photographers = await withClient(databaseUrl, async (db) =>
    (await db.query<{ id: number }>("SELECT user_id AS id FROM employee_record WHERE is_photographer ORDER BY user_id LIMIT 2")).rows.map((r) => r.id),
  );
  if (photographers.length < 2) throw new Error("bulk: the seed has fewer than 2 photographers");
  let turn = 0;
  const nextPhotographer = () => photographers[turn++ % 2]!;

  async function single(): Promise<{ seconds: number; latencies: number[]; failed: number }> {
    const targets = await currentTargets(databaseUrl, ids);
    const photographerUserId = nextPhotographer();
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    for (const id of ids) {
      const at = performance.now();
      try {
        await client.appointment.update.mutate({ id, updatedAtMt: targets.get(id)!.version, patch: { photographerUserId } });
      } catch {
        failed += 1;
      }
      latencies.push(performance.now() - at);
    }
    return { seconds: (performance.now() - started) / 1000, latencies, failed };
  }

  async function bulk(): Promise<{ seconds: number; latencies: number[]; failed: number }> {
    const targets = await currentTargets(databaseUrl, ids);
    const photographerUserId = nextPhotographer();
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    for (let at = 0; at < ids.length; at += CHUNK) {
      const rows = ids.slice(at, at + CHUNK).map((id) => ({ id, updatedAtMt: targets.get(id)!.version }));
      const sent = performance.now();
      const answer = await client.appointment.bulk.mutate({ change: { kind: "reassign", photographerUserId }, rows });
      failed += answer.conflicts + answer.invalid;
      latencies.push(performance.now() - sent);
    }
    return { seconds: (performance.now() - started) / 1000, latencies, failed };
  }

  // Warm-up (not recorded), then interleaved runs.
  await single();
  await bulk();
  const samples: Record<"trpc-single" | "trpc-bulk", { rps: number; p50_ms: number; p99_ms: number; latencies: number[]; failed: number }[]> = {
    "trpc-single": [],
    "trpc-bulk": [],
  };
  for (let run = 0; run < runs; run++) {
    for (const [layer, measure] of [
      ["trpc-single", single],
      ["trpc-bulk", bulk],
    ] as const) {
      const result = await measure();
      const sorted = [...result.latencies].sort((a, b) => a - b);
      samples[layer].push({
        rps: ids.length / result.seconds,
        p50_ms: percentile(sorted, 50),
        p99_ms: percentile(sorted, 99),
        latencies: sorted,
        failed: result.failed,
      });
      log(`  bulk-reassign ${layer}: ${(ids.length / result.seconds).toFixed(0)} rows/s, ${result.failed} not done`);
    }
  }
  const figures = (["trpc-single", "trpc-bulk"] as const).map((layer): Figure => {
    const all = samples[layer];
    const latencies = all.flatMap((s) => s.latencies).sort((a, b) => a - b);
    return {
      scenario: "bulk-reassign",
      layer,
      connections: 1,
      rps: Number(median(all.map((s) => s.rps)).toFixed(1)),
      p50_ms: Number(percentile(latencies, 50).toFixed(2)),
      p95_ms: Number(percentile(latencies, 95).toFixed(2)),
      p99_ms: Number(percentile(latencies, 99).toFixed(2)),
      ratio_to_baseline: null,
      failed: all.reduce((sum, s) => sum + s.failed, 0),
      late: 0,
      samples: all.map(({ rps, p50_ms, p99_ms }) => ({ rps: Number(rps.toFixed(1)), p50_ms: Number(p50_ms.toFixed(2)), p99_ms: Number(p99_ms.toFixed(2)) })),
      rows: ids.length,
      unit: layer === "trpc-bulk" ? `rows/s; latency per request of ${CHUNK} rows` : "rows/s; latency per request of 1 row",
    };
  });
  const [one, many] = figures;
  many!.bulk_over_single = Number((many!.rps / one!.rps).toFixed(2));
  return figures;
}
