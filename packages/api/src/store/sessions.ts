/**
 * The session lookup every admin request makes: the session, its user, which
 * records the user has, and the user's roles in one application, in one
 * query (Prisma's nested include took a query per relation), and the touch
 * that keeps it alive.
 */
import type { Db } from "@plano/db";
import { rows, sql } from "./client";

interface SessionRow {
  id: number;
  tokenHash: string;
  rememberMe: boolean;
  createdAt: Date;
  lastUsedAt: Date;
  user: { id: number; email: string; name: string };
  clientId: number | null;
  employee: boolean;
  liaison: boolean;
  /** The user's roles in the application asked for. */
  roles: { name: string; permissions: string[] }[];
}

type Row = Omit<SessionRow, "user"> & { userId: number; email: string; name: string };

export async function findSession(db: Db, tokenHash: string, application: string): Promise<SessionRow | undefined> {
  const [row] = await rows<Row>(
    db,
    sql`
    SELECT s.id, s.token_hash AS "tokenHash", s.remember_me AS "rememberMe", s.created_at AS "createdAt", s.last_used_at AS "lastUsedAt",
           u.id AS "userId", u.email, u.name, c.id AS "clientId", e.id IS NOT NULL AS employee, l.id IS NOT NULL AS liaison,
           coalesce((SELECT json_agg(json_build_object('name', r.name, 'permissions', r.permissions) ORDER BY r.id)
                       FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN application a ON a.id = r.application_id
                      WHERE ur.user_id = u.id AND a.slug = ${application}), '[]'::json) AS roles
      FROM session s
      JOIN "user" u ON u.id = s.user_id
      LEFT JOIN client_record c ON c.user_id = u.id
      LEFT JOIN employee_record e ON e.user_id = u.id
      LEFT JOIN liaison_record l ON l.user_id = u.id
     WHERE s.token_hash = ${tokenHash}`,
  );
  if (!row) return undefined;
  const { userId, email, name, ...session } = row;
  return { ...session, user: { id: userId, email, name } };
}

/** A used session lives on: its idle expiry counts from now. */
export async function touchSession(db: Db, id: number, now: Date): Promise<void> {
  await rows(db, sql`UPDATE session SET last_used_at = ${now.toISOString()}::timestamptz WHERE id = ${id}`);
}
