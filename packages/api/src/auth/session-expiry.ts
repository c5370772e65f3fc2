/**
 * When a session stops working: 7 days after it was created, or 72 hours after
 * it was last used, whichever comes first, unless it was created with
 * remember-me (then never).
 */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 72 * 60 * 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  lastUsedAt: Date;
  rememberMe: boolean;
}

export function sessionExpiresAt(session: SessionTimes): Date | null {
  if (session.rememberMe) return null;
  return new Date(Math.min(session.createdAt.getTime() + SESSION_MAX_AGE_MS, session.lastUsedAt.getTime() + SESSION_IDLE_MS));
}

export function isSessionExpired(session: SessionTimes, now: Date): boolean {
  const expiresAt = sessionExpiresAt(session);
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}
