/**
 * Benchmark settings, all from the environment so `npm run bench` needs no
 * arguments. Defaults are the full run; short values are for development.
 */
export interface BenchConfig {
  /** An existing database to use (kept afterwards); otherwise a fresh one is created on `serverUrl` and dropped. */
  databaseUrl: string | undefined;
  serverUrl: string;
  /** Appointments seeded for the list figures (meant for 1,000,000), and for everything when databaseUrl is given. */
  appointments: number;
  /** Appointments for update, read and scale-out; when it differs from `appointments` they get a database of their own. */
  crudAppointments: number;
  durationS: number;
  warmupS: number;
  runs: number;
  connections: number[];
  /** Appointments each connection owns for update/read runs. */
  perConnection: number;
  /** Which scenario groups to run (BENCH_ONLY=update,read,list,pglite,scaleout,webhooks). */
  only: Set<string>;
  output: string;
  /** Another production build (e.g. of an older commit) whose REST and tRPC layers run beside this one's, labelled "@before". */
  beforeDist: string | undefined;
}

export const scenarioGroups = ["update", "update-layout", "read", "list", "pglite", "scaleout", "bulk", "live", "webhooks"] as const;

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function loadConfig(): BenchConfig {
  const only = (process.env.BENCH_ONLY ?? scenarioGroups.join(",")).split(",").map((s) => s.trim());
  for (const group of only) {
    if (!(scenarioGroups as readonly string[]).includes(group)) throw new Error(`BENCH_ONLY: unknown group "${group}" (use ${scenarioGroups.join(", ")})`);
  }
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    serverUrl: process.env.BENCH_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    appointments: number("BENCH_APPOINTMENTS", 1_000_000),
    crudAppointments: number("BENCH_CRUD_APPOINTMENTS", number("BENCH_APPOINTMENTS", 1_000_000)),
    durationS: number("BENCH_DURATION", 5),
    warmupS: number("BENCH_WARMUP", 2),
    runs: Math.max(1, Math.round(number("BENCH_RUNS", 3))),
    connections: (process.env.BENCH_CONNECTIONS ?? "1,8,32").split(",").map(Number),
    perConnection: number("BENCH_PER_CONNECTION", 32),
    only: new Set(only),
    output: process.env.BENCH_OUTPUT ?? "bench/results/latest.json",
    beforeDist: process.env.BENCH_BEFORE_DIST || undefined,
  };
}
