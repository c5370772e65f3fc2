import type { ApplicationSlug, Permission, RoleName, SessionView } from "@plano/schema";

/** Who is calling, resolved once per request from the token and the application. */
export interface Principal {
  kind: "session" | "application";
  /** Stable identity of the caller (e.g. "user:12", "token:3"), e.g. to scope idempotency keys. */
  key: string;
  /** How the audit log names the caller. */
  actor: string;
  userId: number | null;
  application: ApplicationSlug;
  roles: readonly RoleName[];
  permissions: ReadonlySet<Permission>;
  /** The caller's client record, for "appointments of my own orders". */
  clientId: number | null;
  sessionId: number | null;
  session: SessionView | null;
}

/**
 * Which appointments a principal may see. Schedulers and viewers see all;
 * photographers their own; clients those of their own orders. Roles add up.
 */
export type ReadScope = { all: true } | { all: false; photographerUserId: number | null; clientId: number | null };

export function readScope(principal: Principal): ReadScope {
  if (principal.roles.includes("scheduler") || principal.roles.includes("viewer")) return { all: true };
  return {
    all: false,
    photographerUserId: principal.roles.includes("photographer") ? principal.userId : null,
    clientId: principal.roles.includes("client") ? principal.clientId : null,
  };
}

export function canSee(scope: ReadScope, appointment: { photographerUserId: number | null; orderClientId: number | null }): boolean {
  if (scope.all) return true;
  return (
    (scope.photographerUserId !== null && appointment.photographerUserId === scope.photographerUserId) ||
    (scope.clientId !== null && appointment.orderClientId === scope.clientId)
  );
}

/** Whether the principal may see this loaded appointment (its order's client decides for clients). */
export function visibleTo(principal: Principal, appointment: { photographerUserId: number | null; order: { clientId: number | null } | null }): boolean {
  return canSee(readScope(principal), {
    photographerUserId: appointment.photographerUserId,
    orderClientId: appointment.order?.clientId ?? null,
  });
}

/** Photographers may confirm only their own appointments; other confirmers any. */
export function canConfirm(principal: Principal, appointment: { photographerUserId: number | null }): boolean {
  if (!principal.permissions.has("appointments:confirm")) return false;
  if (principal.roles.includes("scheduler")) return true;
  return principal.roles.includes("photographer") && appointment.photographerUserId === principal.userId;
}
