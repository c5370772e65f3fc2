/**
 * The load generator: its own process (forked by bench/lib/load.ts), so the
 * servers under test never share an event loop with it. It takes one job at a
 * time over IPC, runs autocannon for the job's fixed duration and answers
 * with counts and latency percentiles.
 *
 * Updates carry fresh versions: every connection owns a disjoint slice of
 * appointments, picks one of its own at random for each request and keeps the
 * version each answer returns, so no two requests ever race for a row and a
 * conflict means a bug, not contention.
 */
import autocannon from "autocannon";
import { protocolFor, type Protocol, type Target, type WireRequest } from "../lib/protocols";
import type { LoadJob, LoadResult } from "../lib/load";

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Tally {
  ok: number;
  rejected: number;
  statuses: Record<string, number>;
  latencies: number[];
}

/** The requests one connection sends, built around its own slice of appointments. */
function connectionRequests(job: LoadJob, protocol: Protocol, slice: Target[], tally: () => Tally) {
  const pick = () => slice[Math.floor(Math.random() * slice.length)]!;
  let sent = 0;
  let current: Target = pick();
  const wire = (): WireRequest => {
    if (job.operation === "fixed") return job.requests![Math.floor(Math.random() * job.requests!.length)]!;
    current = pick();
    const notes = `bench ${job.connections}c #${++sent}`;
    if (job.operation === "update-layout") return protocol.updateLayout(current, notes);
    return job.operation === "update" ? protocol.update(current, notes) : protocol.read(current.id);
  };
  return [
    {
      setupRequest: (request: object) => ({ ...request, ...wire() }),
      onResponse: (status: number, body: string) => {
        if (status < 200 || status >= 300) return;
        if (job.operation === "update" || job.operation === "update-layout") {
          const version = protocol.versionFrom(body);
          const record = job.operation === "update-layout" ? protocol.recordFrom(body) : undefined;
          if (version && (job.operation === "update" || record)) {
            current.version = version;
            if (record) current.record = record;
            tally().ok++;
          } else tally().rejected++;
        } else if (job.operation === "read" ? protocol.readOk(body) : true) tally().ok++;
        else tally().rejected++;
      },
    },
  ];
}

/** A layout save starts from the record as this layer reads it (FileMaker reads, then saves the layout). */
async function readLayouts(job: LoadJob, protocol: Protocol): Promise<void> {
  const targets = job.slices.flat();
  const readOne = async (target: Target) => {
    const request = protocol.layoutRead(target.id);
    const response = await fetch(job.origin + request.path, { method: request.method, headers: request.headers, body: request.body ?? null });
    const body = await response.text();
    const version = protocol.versionFrom(body);
    const record = protocol.recordFrom(body);
    if (!response.ok || !version || !record)
      throw new Error(`update-layout: reading appointment ${target.id} answered ${response.status}: ${body.slice(0, 200)}`);
    Object.assign(target, { version, record });
  };
  for (let i = 0; i < targets.length; i += 16) await Promise.all(targets.slice(i, i + 16).map(readOne));
}

async function run(job: LoadJob): Promise<LoadResult> {
  const protocol = await protocolFor(job.layer, job.token);
  if (job.operation === "update-layout") await readLayouts(job, protocol);
  // autocannon stops at its next sample tick after the duration; only answers
  // that arrive within the duration count, so every figure covers the same time.
  const counted: Tally = { ok: 0, rejected: 0, statuses: {}, latencies: [] };
  const late: Tally = { ok: 0, rejected: 0, statuses: {}, latencies: [] };
  const deadline = performance.now() + job.durationS * 1000;
  const tally = () => (performance.now() <= deadline ? counted : late);
  let connection = 0;
  const result = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.durationS,
    sampleInt: 100,
    timeout: 10,
    // Every connection gets its own requests (and so its own slice) when it is set up.
    // biome-ignore lint/suspicious/noExplicitAny: autocannon's typings (autocannon.d.ts) do not describe its client.
    setupClient: (client: any) => {
      const slice = job.slices?.[connection++ % Math.max(1, job.slices.length)] ?? [];
      client.setRequests(connectionRequests(job, protocol, slice, tally));
      client.on("response", (status: number, _bytes: number, ms: number) => {
        const into = tally();
        into.statuses[status] = (into.statuses[status] ?? 0) + 1;
        into.latencies.push(ms);
      });
    },
  } as autocannon.Options);
  const sorted = Float64Array.from(counted.latencies).sort();
  const responses = counted.latencies.length;
  return {
    seconds: job.durationS,
    responses,
    ok: counted.ok,
    late: late.ok,
    rejected: counted.rejected,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: counted.statuses,
    rps: counted.ok / job.durationS,
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    p99_ms: percentile(sorted, 99),
    max_ms: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

process.on("message", (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: (error as Error).stack ?? String(error) }),
  );
});
