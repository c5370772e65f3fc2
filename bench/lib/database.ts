/**
 * The benchmark's database: a fresh PostgreSQL database (created here and
 * dropped at the end) unless BENCH_DATABASE_URL names one, seeded through the
 * production CLI, plus the appointments the load works on and their versions.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { createMigratedDatabase, dropDatabase } from "@plano/testing/database";
import pg from "pg";
import { repoRoot } from "./processes";
import type { Target } from "./protocols";

const run = promisify(execFile);

export interface BenchDatabase {
  url: string;
  /** Created by this run, so dropped by it. */
  owned: boolean;
  drop(): Promise<void>;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function openBenchDatabase(given: string | undefined, serverUrl: string): Promise<BenchDatabase> {
  if (given) return { url: given, owned: false, drop: async () => {} };
  const name = await createMigratedDatabase(serverUrl, "plano_bench");
  return { url: withDatabase(serverUrl, name), owned: true, drop: () => dropDatabase(name, serverUrl) };
}

/** Where the production build is, and the whole environment it runs in (which picks its database). */
export interface Deployment {
  dist: string;
  env: Record<string, string>;
}

/** Runs a command of the production CLI (`dist/cli.js`) and returns its JSON answer. */
export async function cli({ dist, env }: Deployment, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [path.join(dist, "cli.js"), ...args], {
    cwd: repoRoot,
    env,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function countAppointments(url: string): Promise<number> {
  return withClient(url, async (client) => {
    // Two statements: one that names a missing table fails when planned, whatever a CASE around it says.
    const { rows: found } = await client.query<{ t: string | null }>(`SELECT to_regclass('appointment')::text AS t`);
    if (found[0]?.t == null) return 0;
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM appointment");
    return Number(rows[0]!.n);
  });
}

/**
 * Seeds up to `appointments` rows through the CLI of `env`'s database. With a
 * `url` to look at, a reused database keeps what it has and the planner's
 * statistics are refreshed; without one (a fresh embedded directory) it just seeds.
 */
export async function ensureSeeded(deployment: Deployment, url: string | undefined, appointments: number): Promise<number> {
  const existing = url ? await countAppointments(url) : 0;
  if (existing < appointments) await cli(deployment, "seed", "--appointments", String(appointments - existing));
  // Fresh statistics and visibility map, as a database that has lived a while would have: every table, since
  // the seed's small ones (48 employees) stay under autovacuum's 50-row threshold, and without their statistics
  // the planner guessed 830 photographers and ran the board's carried-over query with parallel workers (3x slower).
  if (url) await withClient(url, (client) => client.query("VACUUM ANALYZE"));
  return Math.max(existing, appointments);
}

export async function applicationToken(deployment: Deployment): Promise<string> {
  const { token } = await cli(deployment, "app-token:create", "--application", "planoorder", "--name", `bench-${Date.now()}`);
  return token as string;
}

/** `count` appointment ids spread over the whole table, the same for every layer. */
export async function pickAppointmentIds(url: string, count: number): Promise<number[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>("SELECT id FROM appointment ORDER BY md5(id::text) LIMIT $1", [count]);
    return rows.map((row) => row.id);
  });
}

/** The current version of each appointment, as the API hands it out (`updated_at` to the millisecond). */
export async function currentTargets(url: string, ids: number[]): Promise<Map<number, Target>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number; updated_at: Date }>("SELECT id, updated_at FROM appointment WHERE id = ANY($1)", [ids]);
    return new Map(rows.map((row) => [row.id, { id: row.id, version: row.updated_at.toISOString() }]));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until requests cut off at the end of the previous run have finished on
 * the server: the newest version among `ids` stops changing (checked every
 * 200 ms, at most `maxMs`). A fixed pause was too short on a loaded machine:
 * a write that landed after the versions were read made the next run's
 * request a conflict (409), and the run was refused.
 */
export async function settleWrites(url: string, ids: number[], maxMs = 10_000): Promise<void> {
  const newest = () =>
    withClient(
      url,
      async (client) => (await client.query<{ v: string | null }>("SELECT max(updated_at)::text AS v FROM appointment WHERE id = ANY($1)", [ids])).rows[0]?.v,
    );
  await sleep(300);
  let last = await newest();
  for (let waited = 0; waited < maxMs; waited += 200) {
    await sleep(200);
    const now = await newest();
    if (now === last) return;
    last = now;
  }
}

/** Splits `ids` into `connections` disjoint slices of current targets. */
export async function slicesFor(url: string, ids: number[], connections: number): Promise<Target[][]> {
  const targets = await currentTargets(url, ids);
  const slices: Target[][] = Array.from({ length: connections }, () => []);
  for (const [index, id] of ids.entries()) slices[index % connections]!.push(targets.get(id)!);
  return slices;
}
