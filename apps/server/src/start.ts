/**
 * Start-up shared by the server and the CLI: find the database (DATABASE_URL,
 * or the embedded one), apply pending migrations, sync reference data.
 */
import { syncReferenceData } from "@plano/api";
import { connectDb, disconnectDb, EMBEDDED_DB_DEFAULTS, SERVER_DB_DEFAULTS, type Db, type DbOptions } from "@plano/db";
import { resolveDatabase, type EmbeddedDatabase } from "@plano/db/embedded";
import { applyMigrations } from "@plano/db/migrate";
import type { DatabaseEnv } from "./env";

export interface Runtime {
  db: Db;
  database: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Pool and timeout settings: the defaults for the kind of database, overridden by DATABASE_*_MS (parsed in env.ts). */
export function dbOptionsFor(embedded: boolean, env: Partial<DatabaseEnv> = {}): DbOptions {
  const options: DbOptions = { ...(embedded ? EMBEDDED_DB_DEFAULTS : SERVER_DB_DEFAULTS), poolSize: embedded ? 4 : 10 };
  if (env.DATABASE_CONNECT_TIMEOUT_MS !== undefined) options.connectTimeoutMs = env.DATABASE_CONNECT_TIMEOUT_MS;
  if (env.DATABASE_STATEMENT_TIMEOUT_MS !== undefined) options.statementTimeoutMs = env.DATABASE_STATEMENT_TIMEOUT_MS;
  if (env.DATABASE_TRANSACTION_MAX_WAIT_MS !== undefined) options.transactionMaxWaitMs = env.DATABASE_TRANSACTION_MAX_WAIT_MS;
  return options;
}

export async function startRuntime(
  env: DatabaseEnv,
  { poolSize, statementTimeoutMs }: { poolSize?: number; statementTimeoutMs?: number } = {},
): Promise<Runtime> {
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.PLANO_DATA_DIR });
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.error(`Applied migrations: ${applied.join(", ")}`);
    // The embedded database runs one transaction at a time: a big pool only queues.
    const options = dbOptionsFor(!env.DATABASE_URL, env);
    const db = connectDb(database.url, {
      ...options,
      poolSize: poolSize ?? options.poolSize,
      statementTimeoutMs: statementTimeoutMs ?? options.statementTimeoutMs,
    });
    await syncReferenceData(db);
    return {
      db,
      database,
      async close() {
        await disconnectDb();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
