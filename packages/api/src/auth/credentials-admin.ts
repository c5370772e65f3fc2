/**
 * Creating users, sessions and application tokens: used by the login
 * procedure, the management CLI and the seed. Tokens are returned once and
 * stored only as hashes.
 */
import type { Db } from "@plano/db";
import type { ApplicationSlug, RoleName } from "@plano/schema";
import { hashPassword } from "./passwords";
import { generateToken, hashToken } from "./tokens";

export async function createSession(db: Db, userId: number, rememberMe: boolean, now: Date) {
  const token = generateToken("session");
  const session = await db.session.create({
    data: { tokenHash: hashToken(token), userId, rememberMe, createdAt: now, lastUsedAt: now },
  });
  return { token, session };
}

async function roleId(db: Db, application: ApplicationSlug, role: RoleName): Promise<number> {
  const row = await db.role.findFirst({ where: { name: role, application: { slug: application } }, select: { id: true } });
  if (!row) throw new Error(`No role ${role} in application ${application}; is the reference data synced?`);
  return row.id;
}

export async function createApplicationToken(db: Db, application: ApplicationSlug, { role, name }: { role?: RoleName; name?: string } = {}) {
  const app = await db.application.findUniqueOrThrow({ where: { slug: application } });
  const token = generateToken("application");
  const row = await db.applicationToken.create({
    data: {
      tokenHash: hashToken(token),
      applicationId: app.id,
      roleId: role ? await roleId(db, application, role) : null,
      name: name ?? null,
    },
  });
  return { token, id: row.id };
}

export interface NewUser {
  email: string;
  name: string;
  password?: string;
  client?: boolean;
  employee?: boolean;
  photographer?: boolean;
  liaison?: boolean;
  roles?: { application: ApplicationSlug; role: RoleName }[];
}

export async function createUser(db: Db, user: NewUser) {
  const passwordHash = user.password ? await hashPassword(user.password) : null;
  const roleIds = await Promise.all((user.roles ?? []).map(({ application, role }) => roleId(db, application, role)));
  return db.user.create({
    data: {
      email: user.email.toLowerCase(),
      name: user.name,
      passwordHash,
      client: user.client ? { create: {} } : undefined,
      employee: user.employee || user.photographer ? { create: { isPhotographer: Boolean(user.photographer) } } : undefined,
      liaison: user.liaison ? { create: {} } : undefined,
      roles: { create: roleIds.map((id) => ({ roleId: id })) },
    },
    include: { client: true, employee: true, liaison: true },
  });
}
