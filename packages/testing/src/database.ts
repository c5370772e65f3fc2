/**
 * Fresh PostgreSQL databases for tests. A run migrates one template database
 * once; each test file clones it (`CREATE DATABASE … TEMPLATE`, much faster
 * than migrating) and drops its clone at the end.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@plano/db";
import { applyMigrations } from "@plano/db/migrate";

declare module "vitest" {
  /** The run's migrated template database (scripts/vitest-global-setup.ts). */
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export const defaultTestServerUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? defaultTestServerUrl;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;

/** Creates and migrates an empty database; returns its name. */
export async function createMigratedDatabase(serverUrl = testServerUrl(), prefix = "plano_test"): Promise<string> {
  const name = uniqueName(prefix);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  await applyMigrations(withDatabase(serverUrl, name));
  return name;
}

export async function dropDatabase(name: string, serverUrl = testServerUrl()): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A new database cloned from `template` (or migrated from scratch without one). */
export async function createTestDatabase(
  template?: string,
  { serverUrl = testServerUrl(), poolSize = 10 }: { serverUrl?: string; poolSize?: number } = {},
): Promise<TestDatabase> {
  let name: string;
  if (template) {
    name = uniqueName("plano_test");
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  } else {
    name = await createMigratedDatabase(serverUrl);
  }
  const url = withDatabase(serverUrl, name);
  const db = createDb(url, { poolSize });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await dropDatabase(name, serverUrl);
    },
  };
}
