import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { pgConfigFromUrl } from "./pg-config";

export type Db = PrismaClient;

export interface DbOptions {
  /** Pool size. The embedded database runs one transaction at a time, so it wants few. */
  poolSize?: number;
  /**
   * How long to wait for a connection, new or from the pool (0: forever). An
   * unreachable server (packets dropped) otherwise hangs every request for
   * minutes until the OS gives up.
   */
  connectTimeoutMs?: number;
  /**
   * The longest a statement may run: the server cancels it (statement_timeout),
   * and the client stops waiting a little later (query_timeout) when the server
   * cannot even say so, e.g. across a network partition (0: no limit).
   */
  statementTimeoutMs?: number;
  /** How long a transaction may wait to start: behind a busy pool it queues this long, then fails (Prisma P2028). */
  transactionMaxWaitMs?: number;
  /** How long an interactive transaction may take once started. */
  transactionTimeoutMs?: number;
}

/** Defaults for a PostgreSQL server across a network. */
export const SERVER_DB_DEFAULTS = {
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 15_000,
  transactionMaxWaitMs: 10_000,
  transactionTimeoutMs: 15_000,
} as const satisfies DbOptions;

/**
 * Defaults for the embedded database: one backend on a loopback socket that
 * cannot be partitioned, where requests queue for their turn; a burst (200
 * concurrent creates) must wait in line, not fail after Prisma's 2 s default.
 */
export const EMBEDDED_DB_DEFAULTS = {
  connectTimeoutMs: 0,
  statementTimeoutMs: 0,
  transactionMaxWaitMs: 120_000,
  transactionTimeoutMs: 60_000,
} as const satisfies DbOptions;

/** The client stops waiting for an answer this long after the server should have cancelled the statement. */
const CLIENT_GRACE_MS = 2_000;

/**
 * A Prisma client over `pg` through the driver adapter: the same path for the
 * production database and the embedded one (reached over its socket server).
 */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const { poolSize = 10, connectTimeoutMs, statementTimeoutMs, transactionMaxWaitMs, transactionTimeoutMs } = { ...SERVER_DB_DEFAULTS, ...options };
  const pool = new pg.Pool(
    pgConfigFromUrl(databaseUrl, {
      max: poolSize,
      connectionTimeoutMillis: connectTimeoutMs,
      // A dead peer is noticed on idle connections too, not only when a query times out.
      keepAlive: true,
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + CLIENT_GRACE_MS } : {}),
    }),
  );
  // A connection that breaks while idle in the pool must not take the process down with an unhandled 'error'.
  pool.on("error", (error) => console.error("database connection lost:", error.message));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: transactionMaxWaitMs, timeout: transactionTimeoutMs },
  });
  // One pool for the process: the API's store (packages/api/src/store) runs its hot queries on it beside Prisma.
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

const POOL = Symbol("plano.pool");

/** The driver's query, for the store's own (packages/api/src/store/row-query.ts), which builds its rows itself. */
export const PgQuery = pg.Query;

/** The driver's own text parser for a type, for the store's parsers to fall back on. */
export const pgTypeParser = pg.types.getTypeParser as (oid: number, format?: "text" | "binary") => (text: string) => unknown;

/** The `pg` pool under a client made by `createDb` (also through a wrapper that forwards property reads). */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as unknown as Record<symbol, pg.Pool | undefined>)[POOL];
  if (!pool) throw new Error("This database client has no pool: make it with createDb().");
  return pool;
}

let processDb: Db | undefined;

export function connectDb(databaseUrl: string, options?: DbOptions): Db {
  processDb ??= createDb(databaseUrl, options);
  return processDb;
}

export async function disconnectDb(): Promise<void> {
  const current = processDb;
  processDb = undefined;
  await current?.$disconnect();
}

/** Whether the database answers `select 1` within `timeoutMs`: for health and readiness checks. */
export async function probeDb(db: Db, timeoutMs = 2_000): Promise<{ up: true; latencyMs: number } | { up: false; error: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`select 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
    ]);
    return { up: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { up: false, error: error instanceof Error ? error.message.split("\n").at(-1)!.slice(0, 200) : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
