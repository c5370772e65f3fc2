/**
 * The servers a benchmark run starts: the API server from its production
 * build, the raw baseline, and N API processes behind one port.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Deployment } from "./database";
import { benchEnv } from "./env";
import { freePort, repoRoot, startServer, type ServerProcess } from "./processes";

/** Builds apps/server for production (tsup) into `outDir` (default: its own dist/). */
export async function buildServer(outDir = path.join(repoRoot, "apps/server/dist")): Promise<string> {
  await promisify(execFile)("npx", ["tsup", "--out-dir", outDir], { cwd: path.join(repoRoot, "apps/server") });
  return outDir;
}

/** This process's environment with the database chosen: `databaseUrl`, or (none) the embedded default. */
export function serverEnv(databaseUrl: string | undefined, extra: Record<string, string> = {}): Record<string, string> {
  const env = { ...process.env, ...extra } as Record<string, string>;
  delete env.DATABASE_URL;
  return databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env;
}

/** BENCH_PROFILE=DIR: the API server writes a V8 CPU profile into DIR when it stops (summarise with bench/profile.ts). */
function profileArgs(): string[] {
  const dir = benchEnv().BENCH_PROFILE;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(repoRoot, dir)] : [];
}

/** `nodeArgs`: options for node itself, before the server's script (the live figure's heap probe). */
export async function startApi({ dist, env }: Deployment, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({ name: "api", args: [...profileArgs(), ...nodeArgs, path.join(dist, "main.js")], env: { ...env, API_PORT: String(port) }, port });
}

export async function startBaseline(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: "baseline",
    args: ["--import", "tsx", path.join(repoRoot, "bench/baseline/server.ts")],
    env: serverEnv(databaseUrl, { PORT: String(port) }),
    port,
  });
}

/** `workers` API processes sharing one port through Node's cluster (bench/scale-out.ts). */
export async function startCluster({ dist, env }: Deployment, workers: number): Promise<ServerProcess> {
  const port = await freePort();
  return startServer({
    name: `api ×${workers}`,
    args: ["--import", "tsx", path.join(repoRoot, "bench/scale-out.ts")],
    env: { ...env, API_PORT: String(port), WORKERS: String(workers), BENCH_SERVER_MAIN: path.join(dist, "main.js") },
    port,
  });
}
