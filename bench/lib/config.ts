import { benchEnv } from "./env";

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

/** From the environment, parsed once by env.ts. */
export function loadConfig(): BenchConfig {
  const env = benchEnv();
  return {
    databaseUrl: env.BENCH_DATABASE_URL,
    serverUrl: env.BENCH_SERVER_URL,
    appointments: env.BENCH_APPOINTMENTS,
    crudAppointments: env.BENCH_CRUD_APPOINTMENTS ?? env.BENCH_APPOINTMENTS,
    durationS: env.BENCH_DURATION,
    warmupS: env.BENCH_WARMUP,
    runs: Math.max(1, Math.round(env.BENCH_RUNS)),
    connections: env.BENCH_CONNECTIONS,
    perConnection: env.BENCH_PER_CONNECTION,
    only: new Set(env.BENCH_ONLY),
    output: env.BENCH_OUTPUT,
    beforeDist: env.BENCH_BEFORE_DIST,
  };
}
