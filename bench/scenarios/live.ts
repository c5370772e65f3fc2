/**
 * Live changes at scale:
 * - fan-out: commit → event latency at every subscriber, with 2 API
 *   processes (each its own LISTEN connection) sharing `BENCH_LIVE_SUBSCRIPTIONS`
 *   (500) open board subscriptions (one office-day each), for updates
 *   committed straight in PostgreSQL one at a time;
 * - memory: the resident memory one API process gains per 1,000 open
 *   subscriptions (measured after they settle).
 * Subscriptions are tRPC's own client (`httpSubscriptionLink`) on the
 * `eventsource` package, as a service would open them.
 */
import { createPlanoClient } from "@plano/client";
import { EventSource } from "eventsource";
import { withClient, type Deployment } from "../lib/database";
import { benchEnv } from "../lib/env";
import { startApi } from "../lib/servers";
import type { ServerProcess } from "../lib/processes";

export interface LiveResults {
  subscriptions: number;
  processes: number;
  updates: number;
  deliveries: number;
  missed: number;
  fanout_p50_ms: number;
  fanout_p95_ms: number;
  fanout_p99_ms: number;
  memory_subscriptions: number;
  memory_mb_per_1000: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Opened {
  close(): void;
}

/** `count` subscriptions to one office-day on `origin`; `onEvent(appointmentId)` per event received. */
async function subscribe(
  origin: string,
  token: string,
  count: number,
  input: { officeId: number; dateFrom: string; dateTo: string },
  onEvent: (appointmentId: number) => void,
): Promise<Opened> {
  const client = createPlanoClient({ url: `${origin}/api/trpc`, token, EventSource, batch: false });
  let started = 0;
  const subscriptions = Array.from({ length: count }, () =>
    client.appointment.onChange.subscribe(input, {
      onStarted: () => started++,
      onData: ({ data }) => {
        if (data.kind === "change") onEvent(data.appointmentId);
      },
    }),
  );
  const deadline = Date.now() + 60_000;
  while (started < count && Date.now() < deadline) await sleep(50);
  if (started < count) throw new Error(`only ${started} of ${count} subscriptions started`);
  return {
    close: () => {
      for (const s of subscriptions) s.unsubscribe();
    },
  };
}

export async function livePhase(deployment: Deployment, databaseUrl: string, token: string, log: (line: string) => void): Promise<LiveResults> {
  const { BENCH_LIVE_SUBSCRIPTIONS: subscriptions, BENCH_LIVE_UPDATES: updates, BENCH_LIVE_MEMORY_SUBSCRIPTIONS: memorySubscriptions } = benchEnv();

  // The busiest office-day, and the appointments on it that the updates touch.
  const day = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ office_id: number; date: Date }>(
      `SELECT office_id, date_start_office AS date FROM appointment WHERE date_start_office IS NOT NULL
        GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const row = rows[0]!;
    const ids = await client.query<{ id: number }>("SELECT id FROM appointment WHERE office_id = $1 AND date_start_office = $2 ORDER BY id LIMIT $3", [
      row.office_id,
      row.date,
      updates,
    ]);
    return { officeId: row.office_id, date: row.date.toISOString().slice(0, 10), ids: ids.rows.map((r) => r.id) };
  });
  const input = { officeId: day.officeId, dateFrom: day.date, dateTo: day.date };

  const servers: ServerProcess[] = [await startApi(deployment), await startApi(deployment)];
  const arrivals = new Map<number, number[]>();
  const opened: Opened[] = [];
  try {
    for (const [index, server] of servers.entries()) {
      const share = Math.floor(subscriptions / servers.length) + (index < subscriptions % servers.length ? 1 : 0);
      opened.push(await subscribe(server.origin, token, share, input, (id) => arrivals.get(id)?.push(performance.now())));
    }
    log(`live: ${subscriptions} subscriptions open on ${servers.length} API processes; ${day.ids.length} updates`);
    await sleep(500);

    const commits = new Map<number, number>();
    await withClient(databaseUrl, async (client) => {
      for (const id of day.ids) {
        arrivals.set(id, []);
        // What every write path commits: the row and its audit entry (whose trigger NOTIFYs).
        await client.query("BEGIN");
        await client.query("UPDATE appointment SET notes = $1, updated_at = updated_at + interval '1 ms' WHERE id = $2", [`bench ${Date.now()}`, id]);
        await client.query("INSERT INTO appointment_change (appointment_id, action, actor, channel, changes) VALUES ($1, 'update', 'bench', 'cli', $2)", [
          id,
          JSON.stringify({ notes: { before: null, after: "bench" } }),
        ]);
        await client.query("COMMIT");
        commits.set(id, performance.now());
        await sleep(100);
      }
    });
    const deadline = Date.now() + 10_000;
    const expected = day.ids.length * subscriptions;
    const received = () => [...arrivals.values()].reduce((sum, list) => sum + list.length, 0);
    while (received() < expected && Date.now() < deadline) await sleep(100);

    const latencies = [...arrivals.entries()].flatMap(([id, times]) => times.map((t) => t - commits.get(id)!)).sort((a, b) => a - b);
    for (const o of opened.splice(0)) o.close();

    // Memory: one process, before and after `memorySubscriptions` open subscriptions.
    const server = servers[0]!;
    await sleep(1500);
    const before = server.rssMb();
    opened.push(await subscribe(server.origin, token, memorySubscriptions, input, () => {}));
    await sleep(3000);
    const after = server.rssMb();

    return {
      subscriptions,
      processes: servers.length,
      updates: day.ids.length,
      deliveries: latencies.length,
      missed: expected - latencies.length,
      fanout_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      fanout_p95_ms: Number(percentile(latencies, 95).toFixed(1)),
      fanout_p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      memory_subscriptions: memorySubscriptions,
      memory_mb_per_1000: Number((((after - before) / memorySubscriptions) * 1000).toFixed(1)),
    };
  } finally {
    for (const o of opened) o.close();
    for (const server of servers) await server.stop();
  }
}
