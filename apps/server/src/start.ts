/**
 * Start-up shared by the server and the CLI: find the database (DATABASE_URL,
 * or the embedded one), apply pending migrations, sync reference data.
 */
import { syncReferenceData } from "@plano/api";
import { connectDb, disconnectDb, type Db } from "@plano/db";
import { resolveDatabase, type EmbeddedDatabase } from "@plano/db/embedded";
import { applyMigrations } from "@plano/db/migrate";

export interface Runtime {
  db: Db;
  database: EmbeddedDatabase;
  close(): Promise<void>;
}

export async function startRuntime({ poolSize }: { poolSize?: number } = {}): Promise<Runtime> {
  const database = await resolveDatabase();
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.error(`Applied migrations: ${applied.join(", ")}`);
    // The embedded database runs one transaction at a time: a big pool only queues.
    const db = connectDb(database.url, { poolSize: poolSize ?? (process.env.DATABASE_URL ? 10 : 4) });
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
