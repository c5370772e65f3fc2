/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
 * embedded database (directly, or through the running server's socket).
 * Idempotent; prints `{ "applied": [...] }`.
 */
import { resolveDatabase } from "../embedded";
import { applyMigrations } from "../migrate";
import { migrateEnv } from "./env";

const database = await resolveDatabase(migrateEnv());
try {
  const applied = await applyMigrations(database.url);
  process.stdout.write(`${JSON.stringify({ applied })}\n`);
} catch (error) {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
