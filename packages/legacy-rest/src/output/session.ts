/**
 * The `session` object of a response, in the view the caller asked for with
 * `session_view`: `none`, `basic` (who and until when) or `full` (with times
 * and roles). Application tokens have no session, so they get none.
 */
import type { LegacyDateOptions, SessionView } from "@plano/schema";
import { formatLegacyDateTime } from "../params/legacy-values";

export const sessionViews = ["none", "basic", "full"] as const;
export type SessionViewName = (typeof sessionViews)[number];

const instantOrNull = (value: string | null, options: LegacyDateOptions) => (value === null ? null : formatLegacyDateTime(new Date(value), options));

export function sessionObject(session: SessionView | null | undefined, view: SessionViewName, options: LegacyDateOptions): Record<string, unknown> | undefined {
  if (!session || view === "none") return undefined;
  const basic = {
    user: session.user,
    remember_me: session.rememberMe,
    expires_at: instantOrNull(session.expiresAt, options),
  };
  if (view === "basic") return basic;
  return {
    ...basic,
    created_at: instantOrNull(session.createdAt, options),
    last_used_at: instantOrNull(session.lastUsedAt, options),
    roles: session.roles,
  };
}
