/**
 * A procedure's failure → the seed's status. The API says why it failed
 * (`describeError`: reason, field, message, extra); this only renames: reasons
 * to statuses, API keys to the route's legacy parameter names.
 */
import { describeError, type DescribedError } from "@plano/api";
import { legacyName, type ErrorReason, type LegacyDateOptions, type LegacyStatus } from "@plano/schema";
import { LegacyFailure, type FailureDetails } from "./envelope";
import { appointmentRecord } from "./output/records";
import { sessionObject, type SessionViewName } from "./output/session";
import { paramNameOf, type ParamSpecs } from "./params/param-spec";

const statusOf: Record<ErrorReason, LegacyStatus> = {
  "invalid-token": "invalid-token",
  "session-expired": "session-expired",
  "client-required": "client-required",
  // The seed has no "forbidden": the application decides the role, so a
  // missing permission is an invalid `application` (or an id not visible to it).
  forbidden: "invalid-param",
  "missing-param": "missing-param",
  "invalid-param": "invalid-param",
  // The seed: "passing an id that doesn't exist" is invalid-param.
  "not-found": "invalid-param",
  "update-conflict": "update-conflict",
  "email-failed": "mandrill-email-failed",
  "too-many-attempts": "too-many-attempts",
};

/** API messages start with the field's snake_case name; say the route's own name where it differs. */
function renamedMessage(message: string, apiName: string, param: string): string {
  return apiName !== param && message.startsWith(apiName) ? param + message.slice(apiName.length) : message;
}

function paramDetails(described: DescribedError, params: ParamSpecs, message: string) {
  const field = described.field ?? (described.reason === "forbidden" ? "application" : undefined);
  if (field === undefined) return { message, details: {} };
  const param = paramNameOf(field, params);
  const renamed = renamedMessage(message, legacyName(field), param);
  return {
    message: renamed.includes(param) ? renamed : `${param}: ${renamed}`,
    details: { param, params: (described.fields ?? [field]).map((key) => paramNameOf(key, params)) },
  };
}

/**
 * The seed: client-required "will still return a `session` object because a
 * session token is needed to register" (/api/v1/users/client_register), so
 * the session names its token.
 */
function clientRequiredSession(session: Record<string, unknown> | undefined, token: string | undefined) {
  return session && token ? { ...session, token } : session;
}

export interface FailureContext {
  params: ParamSpecs;
  format: LegacyDateOptions;
  sessionView: SessionViewName;
  /** The caller's token, once read: a client-required session carries it (registering needs it). */
  token?: string;
}

/** The legacy failure for an error a procedure threw, or undefined when it is not one the API explains (a crash). */
export function failureFromApi(error: unknown, { params, format, sessionView, token }: FailureContext): LegacyFailure | undefined {
  const described = describeError(error);
  if (!described) return undefined;
  const { message, details } = paramDetails(described, params, described.message);
  const { current, saved, session } = described.extra;
  const record = current ?? saved;
  const extra: FailureDetails = {
    ...details,
    ...(record ? { data: { appointment: appointmentRecord(record, format) } } : {}),
    // The session is what registering (users/client_register) needs, so client-required always shows it.
    ...(session ? { session: clientRequiredSession(sessionObject(session, sessionView === "none" ? "basic" : sessionView, format), token) } : {}),
  };
  return new LegacyFailure(statusOf[described.reason], message, extra);
}
