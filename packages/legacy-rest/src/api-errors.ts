/**
 * A procedure's failure → the seed's status. The API says why it failed
 * (`describeError`: reason, field, issue, extra); this door words it: reasons
 * become statuses, and the issue's fields are named as the route's parameters.
 */
import { describeError, type DescribedError } from "@plano/api";
import { renderIssue, type ErrorReason, type LegacyDateOptions } from "@plano/schema";
import { LegacyFailure, type FailureDetails } from "./envelope";
import { appointmentRecord } from "./output/records";
import { sessionObject, type SessionViewName } from "./output/session";
import { paramNameOf, type ParamSpecs } from "./params/param-spec";
import type { LegacyStatus } from "./statuses";

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

/**
 * The route's own sentence: the issue with every field named as this route's
 * parameter, led by the parameter at fault when the sentence does not name it.
 */
function paramDetails(described: DescribedError, params: ParamSpecs) {
  const nameOf = (key: string) => paramNameOf(key, params);
  const message = renderIssue(described.issue, nameOf);
  const field = described.field ?? (described.reason === "forbidden" ? "application" : undefined);
  if (field === undefined) return { message, details: {} };
  const param = nameOf(field);
  return {
    message: message.includes(param) ? message : `${param}: ${message}`,
    details: { param, params: (described.fields ?? [field]).map(nameOf) },
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
  const { message, details } = paramDetails(described, params);
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
