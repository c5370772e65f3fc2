/**
 * The parent side of the load generator: forks bench/load/worker.ts once and
 * hands it one job at a time.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Layer, Target, WireRequest } from "./protocols";

export interface LoadJob {
  origin: string;
  layer: Layer;
  token: string;
  /** update/read: each connection works on its own slice; fixed: random picks from `requests`. */
  operation: "update" | "read" | "update-layout" | "fixed";
  slices: Target[][];
  requests?: WireRequest[];
  connections: number;
  durationS: number;
}

export interface LoadResult {
  seconds: number;
  responses: number;
  /** 2xx answers that are what was asked for (for updates: carried a new version). */
  ok: number;
  /** Successful answers that came after the duration (autocannon stops at its next tick): done, but not counted. */
  late: number;
  /** 2xx answers that were not (e.g. an error dressed as 200). */
  rejected: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  /** Successful requests per second of the fixed duration. */
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

type Reply = { ok: true; result: LoadResult } | { ok: false; error: string };

const workerPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "../load/worker.ts");

export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadGenerator {
    const child = fork(workerPath, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    return new LoadGenerator(child);
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code}) during a job`));
      this.child.once("exit", onExit);
      this.child.once("message", (reply: Reply) => {
        this.child.off("exit", onExit);
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`load generator: ${reply.error}`));
      });
      this.child.send(job);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }
}

/** Failures beyond this share of responses make the benchmark stop: a figure with errors in it means nothing. */
export const FAILURE_TOLERANCE = 0.001;

export function failures(result: LoadResult): number {
  return result.rejected + result.non2xx + result.errors + result.timeouts;
}

export function assertClean(label: string, result: LoadResult): void {
  const failed = failures(result);
  if (failed > Math.max(2, FAILURE_TOLERANCE * result.responses)) {
    throw new Error(
      `${label}: ${failed} of ${result.responses} requests failed (statuses ${JSON.stringify(result.statuses)}, ` +
        `rejected ${result.rejected}, errors ${result.errors}, timeouts ${result.timeouts}); the figure would be meaningless.`,
    );
  }
}
