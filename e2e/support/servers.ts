/**
 * Starting and stopping the servers the tests run against, and the database
 * they share. Everything started is written to a state file first, so the
 * teardown (or a failed setup) can stop exactly those processes, by PID.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

export interface E2eState {
  databaseName?: string;
  serverUrl: string;
  pids: number[];
}

export function readState(file: string): E2eState | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as E2eState;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: E2eState): void {
  writeFileSync(file, JSON.stringify(state));
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function onDatabaseServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Starts a long-running process with its output in test-results/e2e-servers/<name>.log. */
export function startProcess(name: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const logs = path.join(repoRoot, "test-results", "e2e-servers");
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(path.join(logs, `${name}.log`));
  const child = spawn(process.execPath, args, { cwd: options.cwd ?? repoRoot, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // The runner must not wait for these to exit: teardown stops them by PID.
  child.unref();
  return child;
}

/** Runs the API server's CLI once and returns its JSON answer. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Record<string, unknown> {
  const result = spawnSync(process.execPath, [path.join(repoRoot, "apps/server/dist/cli.js"), ...args], { cwd: repoRoot, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`cli ${args[0]} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
}

export async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode} (see test-results/e2e-servers)`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000), redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL for whatever is still running after the grace period. */
export async function stopPids(pids: readonly number[], graceMs = 5000): Promise<void> {
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids) if (isAlive(pid)) process.kill(pid, "SIGKILL");
}
