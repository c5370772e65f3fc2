/**
 * Turns a bearer token (+ the application the caller names) into a Principal,
 * or fails with the reason the legacy API names: invalid-token,
 * session-expired, client-required.
 */
import type { Db } from "@plano/db";
import { applicationSlug, rolePermissions, roleName, type ApplicationSlug, type Permission, type RoleName, type SessionView } from "@plano/schema";
import { fail, invalidParam } from "../errors";
import { findSession, touchSession } from "../store/sessions";
import { findApplicationToken } from "../store/tokens";
import type { Principal } from "./principal";
import { isSessionExpired, sessionExpiresAt } from "./session-expiry";
import { hashToken, sameHash, tokenKind } from "./tokens";

/** The application a session acts in when the caller names none. */
export const DEFAULT_SESSION_APPLICATION: ApplicationSlug = "planoauth";

export interface Credentials {
  token: string | undefined;
  application: string | undefined;
}

function parseApplication(value: string | undefined): ApplicationSlug | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = applicationSlug.safeParse(value);
  if (!parsed.success) return invalidParam("application", `expected one of planoauth, planoorder, planox2, got "{value}"`, undefined, { value });
  return parsed.data;
}

interface Grants {
  roles: readonly RoleName[];
  permissions: ReadonlySet<Permission>;
}

function grantsOf(roles: { name: string; permissions: string[] }[]): Grants {
  const names = roles.map((role) => roleName.safeParse(role.name)).flatMap((r) => (r.success ? [r.data] : []));
  return { roles: Object.freeze(names), permissions: new Set(roles.flatMap((role) => role.permissions as Permission[])) };
}

/**
 * Grants by the roles' names and permissions as stored: every request of a
 * token asks again (a role changed in the database gives a new key), but the
 * set is built once, not per request (a zod check and a Set per request,
 * bench/, issue 13). Read-only to every principal that shares it. Bounded:
 * past it, grants are built per request as before.
 */
const grantsByRoles = new Map<string, Grants>();
const MAX_GRANTS = 256;

function permissionsOf(roles: { name: string; permissions: string[] }[]): Grants {
  const key = JSON.stringify(roles.map((role) => [role.name, role.permissions]));
  const known = grantsByRoles.get(key);
  if (known) return known;
  const grants = grantsOf(roles);
  if (grantsByRoles.size < MAX_GRANTS) grantsByRoles.set(key, grants);
  return grants;
}

export async function authenticate(db: Db, credentials: Credentials, now: Date): Promise<Principal> {
  const { token } = credentials;
  const application = parseApplication(credentials.application);
  if (!token) return fail("invalid-token", "An authentication token is required.");
  const kind = tokenKind(token);
  if (kind === "application") return authenticateApplicationToken(db, token, application);
  if (kind === "session") return authenticateSession(db, token, application ?? DEFAULT_SESSION_APPLICATION, now);
  return fail("invalid-token", "The authentication token is invalid.");
}

async function authenticateApplicationToken(db: Db, token: string, named: ApplicationSlug | undefined): Promise<Principal> {
  const tokenHash = hashToken(token);
  const row = await findApplicationToken(db, tokenHash);
  if (!row || !sameHash(row.tokenHash, tokenHash)) return fail("invalid-token", "The authentication token is invalid.");
  const slug = row.slug as ApplicationSlug;
  if (named && named !== slug) {
    return invalidParam("application", "this token belongs to the application {slug}, not {named}", undefined, { slug, named });
  }
  // A token without an explicit role acts as its application's scheduler.
  const role =
    row.roleName !== null ? { name: row.roleName, permissions: row.rolePermissions ?? [] } : { name: "scheduler", permissions: [...rolePermissions.scheduler] };
  const { roles, permissions } = permissionsOf([role]);
  return {
    kind: "application",
    key: `token:${row.id}`,
    actor: row.name ? `${slug}:${row.name}` : slug,
    userId: null,
    application: slug,
    roles,
    permissions,
    clientId: null,
    sessionId: null,
    session: null,
  };
}

async function authenticateSession(db: Db, token: string, application: ApplicationSlug, now: Date): Promise<Principal> {
  const tokenHash = hashToken(token);
  const session = await findSession(db, tokenHash, application);
  if (!session || !sameHash(session.tokenHash, tokenHash)) {
    return fail("invalid-token", "The authentication token is invalid.");
  }
  if (isSessionExpired(session, now)) {
    return fail("session-expired", "The session has expired; please sign in again.");
  }
  await touchSession(db, session.id, now);

  const { user } = session;
  const granted = [...session.roles];
  // Registering as a client is what gives a user a client record; clients
  // read their own orders' appointments without any explicit grant.
  if (session.clientId !== null && !granted.some((role) => role.name === "client")) {
    granted.push({ name: "client", permissions: [...rolePermissions.client] });
  }
  const { roles, permissions } = permissionsOf(granted);
  const view: SessionView = {
    user: { id: user.id, email: user.email, name: user.name },
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: now.toISOString(),
    rememberMe: session.rememberMe,
    expiresAt: sessionExpiresAt({ ...session, lastUsedAt: now })?.toISOString() ?? null,
    roles: roles.map((role) => ({ application, role })),
  };
  if (session.clientId === null && !session.employee && !session.liaison) {
    return fail("client-required", "This user has no client, employee or liaison record.", { session: view });
  }
  return {
    kind: "session",
    key: `user:${user.id}`,
    actor: user.name,
    userId: user.id,
    application,
    roles,
    permissions,
    clientId: session.clientId,
    sessionId: session.id,
    session: view,
  };
}
