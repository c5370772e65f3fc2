/** The application-token lookup every request with a bearer token makes: one probe of the unique hash index. */
import type { Db } from "@plano/db";
import { rows, sql } from "./client";

interface ApplicationTokenRow {
  id: number;
  tokenHash: string;
  name: string | null;
  slug: string;
  roleName: string | null;
  rolePermissions: string[] | null;
}

/** The token with its application and its role, in one round trip (Prisma's include would take three). */
/** Built once: every request with a token runs it. */
const byHash = sql`
    SELECT t.id, t.token_hash AS "tokenHash", t.name, a.slug, r.name AS "roleName", r.permissions AS "rolePermissions"
      FROM application_token t
      JOIN application a ON a.id = t.application_id
      LEFT JOIN role r ON r.id = t.role_id
     WHERE t.token_hash = ${""}`.text;

export async function findApplicationToken(db: Db, tokenHash: string): Promise<ApplicationTokenRow | undefined> {
  const [row] = await rows<ApplicationTokenRow>(db, { text: byHash, values: [tokenHash] });
  return row;
}
