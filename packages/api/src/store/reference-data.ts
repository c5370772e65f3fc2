/**
 * Applications and roles as one statement each. `INSERT … ON CONFLICT` rather
 * than Prisma's upsert: Prisma reads then writes, so processes starting at once
 * on a new database raced on the unique key and one of them died at start-up.
 */
import type { Db } from "@plano/db";
import { rows, sql } from "./client";

/** The application's id, inserting it if it is new; an existing one keeps its name. */
export async function ensureApplication(db: Db, slug: string, name: string): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO application (slug, name) VALUES (${slug}, ${name})
        ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
        RETURNING id`,
    { prepared: false },
  );
  return row!.id;
}

/** The role with exactly these permissions, inserting it if it is new. */
export async function ensureRole(db: Db, applicationId: number, name: string, permissions: readonly string[]): Promise<void> {
  await rows(
    db,
    sql`INSERT INTO role (application_id, name, permissions) VALUES (${applicationId}, ${name}, ${[...permissions]}::text[])
        ON CONFLICT (application_id, name) DO UPDATE SET permissions = EXCLUDED.permissions`,
    { prepared: false },
  );
}
