import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema } from "../src/migrate";
import { createMigratedDatabase, dropDatabase, testServerUrl } from "@plano/testing/database";

function urlOf(database: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

describe("migrations", () => {
  let database: string;
  beforeAll(async () => {
    database = await createMigratedDatabase(undefined, "plano_migrations");
  });
  afterAll(() => dropDatabase(database));

  it("match schema.prisma exactly (no drift between the schema and the migrations)", async () => {
    const diff = await diffMigrationsToSchema(testServerUrl());
    // The engine answers with a comment-only script when there is nothing to do.
    const statements = diff.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
    expect(statements).toEqual([]);
  });

  it("are idempotent and recorded in Prisma's standard _prisma_migrations table", async () => {
    expect(await applyMigrations(urlOf(database))).toEqual([]);
    const client = new pg.Client({ connectionString: urlOf(database) });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        "select migration_name, finished_at, rolled_back_at from _prisma_migrations order by migration_name",
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows[0]!.migration_name).toMatch(/_init$/);
      expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
