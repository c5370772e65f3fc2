/**
 * Start-up shared by the server and the CLI: find the database (DATABASE_URL,
 * or the embedded one), apply pending migrations, sync reference data.
 */
import { syncReferenceData } from "@plano/api";
import { connectDb, disconnectDb, EMBEDDED_DB_DEFAULTS, SERVER_DB_DEFAULTS, type Db, type DbOptions } from "@plano/db";
import { resolveDatabase, type EmbeddedDatabase } from "@plano/db/embedded";
import { applyMigrations } from "@plano/db/migrate";

export interface Runtime {
  db: Db;
  database: EmbeddedDatabase;
  close(): Promise<void>;
}

const timeoutSettings = {
  connectTimeoutMs: "DATABASE_CONNECT_TIMEOUT_MS",
  statementTimeoutMs: "DATABASE_STATEMENT_TIMEOUT_MS",
  transactionMaxWaitMs: "DATABASE_TRANSACTION_MAX_WAIT_MS",
} as const;

/** Pool and timeout settings: the defaults for the kind of database, overridden by DATABASE_*_MS. */
export function dbOptionsFromEnv(embedded: boolean, env: NodeJS.ProcessEnv = process.env): DbOptions {
  const options: DbOptions = { ...(embedded ? EMBEDDED_DB_DEFAULTS : SERVER_DB_DEFAULTS), poolSize: embedded ? 4 : 10 };
  for (const [key, name] of Object.entries(timeoutSettings) as [keyof typeof timeoutSettings, string][]) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const ms = Number(value);
    if (!Number.isInteger(ms) || ms < 0) throw new Error(`${name} must be a whole number of milliseconds (0: no limit), got "${value}"`);
    options[key] = ms;
  }
  return options;
}

export async function startRuntime({ poolSize, statementTimeoutMs }: { poolSize?: number; statementTimeoutMs?: number } = {}): Promise<Runtime> {
  const database = await resolveDatabase();
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.error(`Applied migrations: ${applied.join(", ")}`);
    // The embedded database runs one transaction at a time: a big pool only queues.
    const options = dbOptionsFromEnv(!process.env.DATABASE_URL);
    const db = connectDb(database.url, { ...options, poolSize: poolSize ?? options.poolSize, statementTimeoutMs: statementTimeoutMs ?? options.statementTimeoutMs });
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
