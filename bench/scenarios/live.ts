/**
 * Live changes at scale:
 * - fan-out: commit → event latency at every subscriber, with 2 API
 *   processes (each its own LISTEN connection) sharing `BENCH_LIVE_SUBSCRIPTIONS`
 *   (500) open board subscriptions (one office-day each), for updates
 *   committed straight in PostgreSQL one at a time;
 * - memory: what one API process holds per 1,000 more open subscriptions:
 *   the slope, as they open in steps, of its JS heap and external buffers
 *   after a full collection (bench/live/heap-probe.mjs), with its RSS beside.
 * Subscriptions are tRPC's own client (`httpSubscriptionLink`) on the
 * `eventsource` package, as a service would open them. The fan-out's
 * subscribers run in `BENCH_LIVE_CLIENTS` processes of their own
 * (bench/live/subscriber.ts), and their CPU is reported beside the servers'
 * (`client_cpu_ms_per_update`): on a small machine they compete with the
 * servers for the same cores.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPlanoClient } from "@plano/client";
import { EventSource } from "eventsource";
import type { SubscriberJob, SubscriberMessage } from "../live/subscriber";
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
  /** The slope of `memory_points`: what 1,000 more open subscriptions hold, after a full collection. */
  memory_mb_per_1000: number;
  /** [open subscriptions, MiB the process holds after a full collection (JS heap + external buffers)] after each step. */
  memory_points: [number, number][];
  /** The same for the resident size (median of samples, no collection), which moves with the collector's timing. */
  memory_rss_mb_per_1000: number;
  memory_rss_points: [number, number][];
  /** Processes the fan-out's subscribers ran in. */
  client_processes: number;
  /** CPU time per committed update, from the first commit until every event arrived (or the wait ended). */
  client_cpu_ms_per_update: number;
  server_cpu_ms_per_update: number;
  /** That window's length. */
  window_s: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Opened {
  close(): void;
}

const subscriberPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "../live/subscriber.ts");

/** A process of subscribers (bench/live/subscriber.ts). */
class SubscriberProcess {
  private readonly child: ChildProcess;
  private constructor() {
    this.child = fork(subscriberPath, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  }

  private next(): Promise<SubscriberMessage> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`a live subscriber process exited (${code})`));
      this.child.once("exit", onExit);
      this.child.once("message", (message: SubscriberMessage) => {
        this.child.off("exit", onExit);
        resolve(message);
      });
    });
  }

  static async open(job: SubscriberJob): Promise<SubscriberProcess> {
    const process = new SubscriberProcess();
    const reply = process.next();
    process.child.send({ type: "open", job });
    const message = await reply;
    if (message.type !== "started") {
      process.close();
      throw new Error(`live subscribers: ${message.type === "failed" ? message.error : message.type}`);
    }
    return process;
  }

  /** The arrivals since the last report, and this process's CPU time so far. */
  async report(): Promise<Extract<SubscriberMessage, { type: "report" }>> {
    const reply = this.next();
    this.child.send({ type: "report" });
    const message = await reply;
    if (message.type !== "report") throw new Error(`live subscribers answered ${message.type}`);
    return message;
  }

  close(): void {
    if (this.child.exitCode === null && this.child.connected) this.child.send({ type: "close" });
  }
}

/** `count` subscriptions to one office-day on `origin`; `onEvent(appointmentId)` per event received. */
/** Steps the memory figure's subscriptions open in. */
const MEMORY_STEPS = 4;

/** The RSS once a step settled: the median of samples over two seconds, after one to let the step's garbage go. */
async function settledRss(server: ServerProcess): Promise<number> {
  await sleep(1000);
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    samples.push(server.rssMb());
    await sleep(250);
  }
  return samples.sort((a, b) => a - b)[4]!;
}

/** What the process holds after a full collection, in MiB: the heap probe's answer to SIGUSR2 (bench/live/heap-probe.mjs). */
async function heldAfterCollection(server: ServerProcess, file: string): Promise<number> {
  rmSync(file, { force: true });
  process.kill(server.pid, "SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${server.name}: the heap probe did not answer`);
    await sleep(50);
  }
  await sleep(50); // the probe writes the file in one call; let it finish
  const { heapUsed, external } = JSON.parse(readFileSync(file, "utf8")) as { heapUsed: number; external: number };
  return (heapUsed + external) / (1024 * 1024);
}

/** The least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

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
  const {
    BENCH_LIVE_SUBSCRIPTIONS: subscriptions,
    BENCH_LIVE_UPDATES: updates,
    BENCH_LIVE_MEMORY_SUBSCRIPTIONS: memorySubscriptions,
    BENCH_LIVE_CLIENTS: clientSetting,
  } = benchEnv();
  const clientProcesses = Math.max(1, Math.floor(clientSetting));

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

  // The memory figure's process carries the heap probe (a collection on request, then what it still holds).
  const heapFile = path.join(os.tmpdir(), `plano-bench-heap-${process.pid}-${Date.now()}.json`);
  const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), "../live/heap-probe.mjs");
  const servers: ServerProcess[] = [
    await startApi({ ...deployment, env: { ...deployment.env, BENCH_HEAP_FILE: heapFile } }, ["--expose-gc", "--import", probe]),
    await startApi(deployment),
  ];
  const opened: Opened[] = [];
  const clients: SubscriberProcess[] = [];
  try {
    // Each client process shares its subscriptions out over the servers, as the whole count is.
    const share = (total: number, parts: number, index: number) => Math.floor(total / parts) + (index < total % parts ? 1 : 0);
    for (let index = 0; index < clientProcesses; index++) {
      const count = share(subscriptions, clientProcesses, index);
      const targets = servers.map((server, i) => ({ origin: server.origin, count: share(count, servers.length, i) }));
      clients.push(await SubscriberProcess.open({ targets, token, input }));
    }
    log(`live: ${subscriptions} subscriptions open on ${servers.length} API processes from ${clientProcesses} client processes; ${day.ids.length} updates`);
    await sleep(500);
    const now = () => performance.timeOrigin + performance.now();
    const arrivals: [number, number][] = [];
    /** Collects the arrivals so far; the CPU time of the clients and of the servers now. */
    const poll = async () => {
      const reports = await Promise.all(clients.map((c) => c.report()));
      for (const report of reports) for (const arrival of report.arrivals) arrivals.push(arrival);
      return { clients: reports.reduce((sum, r) => sum + r.cpuMs, 0), servers: servers.reduce((sum, s) => sum + s.cpuMs(), 0), at: now() };
    };
    const start = await poll();
    arrivals.length = 0;

    const commits = new Map<number, number>();
    await withClient(databaseUrl, async (client) => {
      for (const id of day.ids) {
        // What every write path commits: the row and its audit entry (whose trigger NOTIFYs).
        await client.query("BEGIN");
        await client.query("UPDATE appointment SET notes = $1, updated_at = updated_at + interval '1 ms' WHERE id = $2", [`bench ${Date.now()}`, id]);
        await client.query("INSERT INTO appointment_change (appointment_id, action, actor, channel, changes) VALUES ($1, 'update', 'bench', 'cli', $2)", [
          id,
          JSON.stringify({ notes: { before: null, after: "bench" } }),
        ]);
        await client.query("COMMIT");
        commits.set(id, now());
        await sleep(100);
      }
    });
    const deadline = Date.now() + 10_000;
    const expected = day.ids.length * subscriptions;
    let end = start;
    while (true) {
      end = await poll();
      if (arrivals.length >= expected || Date.now() >= deadline) break;
      await sleep(100);
    }

    // The commit and the arrival are both wall-clock ms on this machine (performance.timeOrigin + now()).
    const latencies = arrivals.flatMap(([id, at]) => (commits.has(id) ? [at - commits.get(id)!] : [])).sort((a, b) => a - b);
    for (const c of clients.splice(0)) c.close();
    // Memory: one process, as `memorySubscriptions` subscriptions open in MEMORY_STEPS steps; the
    // figure is the slope of the RSS over the count (least squares), each point the median of samples
    // taken after the step settled. One reading before and one after moved by tens of MB with the
    // garbage collector's timing (-11 to 73 MB per 1,000 in runs of the same build).
    const server = servers[0]!;
    await sleep(1500);
    const measure = async (): Promise<{ rss: number; held: number }> => {
      const rss = await settledRss(server);
      return { rss, held: await heldAfterCollection(server, heapFile) };
    };
    const first = await measure();
    const points: [count: number, rssMb: number][] = [[0, first.rss]];
    const heldPoints: [count: number, heldMb: number][] = [[0, first.held]];
    for (let step = 1; step <= MEMORY_STEPS; step++) {
      const count = Math.round((memorySubscriptions * step) / MEMORY_STEPS) - points.at(-1)![0];
      opened.push(await subscribe(server.origin, token, count, input, () => {}));
      const total = points.at(-1)![0] + count;
      const { rss, held } = await measure();
      points.push([total, rss]);
      heldPoints.push([total, held]);
    }

    const updatesMade = Math.max(1, day.ids.length);
    return {
      subscriptions,
      processes: servers.length,
      client_processes: clientProcesses,
      client_cpu_ms_per_update: Number(((end.clients - start.clients) / updatesMade).toFixed(1)),
      server_cpu_ms_per_update: Number(((end.servers - start.servers) / updatesMade).toFixed(1)),
      window_s: Number(((end.at - start.at) / 1000).toFixed(2)),
      updates: day.ids.length,
      deliveries: latencies.length,
      missed: expected - latencies.length,
      fanout_p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      fanout_p95_ms: Number(percentile(latencies, 95).toFixed(1)),
      fanout_p99_ms: Number(percentile(latencies, 99).toFixed(1)),
      memory_subscriptions: memorySubscriptions,
      memory_mb_per_1000: Number((slope(heldPoints) * 1000).toFixed(1)),
      memory_points: heldPoints.map(([count, held]) => [count, Number(held.toFixed(1))]),
      memory_rss_mb_per_1000: Number((slope(points) * 1000).toFixed(1)),
      memory_rss_points: points.map(([count, rss]) => [count, Number(rss.toFixed(1))]),
    };
  } finally {
    for (const o of opened) o.close();
    for (const server of servers) await server.stop();
    rmSync(heapFile, { force: true });
  }
}
