/**
 * Reading the API's error detail (`error.data.plano`) off a tRPC client error:
 * why the call failed and which field is at fault.
 */
import { legacyName, renderIssue, type Appointment, type ErrorReason, type IssueText } from "@plano/schema";

export interface PlanoErrorData {
  reason: ErrorReason;
  issue?: IssueText;
  field?: string;
  fields?: string[];
  current?: Appointment;
  saved?: Appointment;
}

export function planoErrorOf(error: unknown): PlanoErrorData | null {
  const data = (error as { data?: { plano?: PlanoErrorData | null } } | null)?.data;
  return data?.plano ?? null;
}

/** The admin's sentence for a refusal: the API's issue, its fields named as the form's error lines name them. */
export function errorMessageOf(error: unknown): string {
  const issue = planoErrorOf(error)?.issue;
  if (issue) return renderIssue(issue, legacyName);
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** The session is gone or never was: the user has to sign in (again). */
export function needsSignIn(error: unknown): boolean {
  const reason = planoErrorOf(error)?.reason;
  return reason === "session-expired" || reason === "invalid-token";
}

/** The API server did not answer at all (refused, reset, or the admin's proxy said 502/503), as opposed to answering an error. */
export function apiUnreachable(error: unknown): boolean {
  const { data, cause } = (error ?? {}) as { data?: { httpStatus?: number } | null; cause?: unknown };
  if (data?.httpStatus === 502 || data?.httpStatus === 503) return true;
  // fetch() rejects with a TypeError ("fetch failed") when no HTTP answer came back.
  return !data && cause instanceof TypeError;
}

/**
 * A change that emails people (confirm, cancel, move, reassign) stands even when its email failed (the
 * outbox retries it): the record as saved, and the API's words for what failed; null for any other error.
 */
export function savedDespiteEmail(error: unknown): { saved: Appointment; message: string } | null {
  const detail = planoErrorOf(error);
  return detail?.reason === "email-failed" && detail.saved ? { saved: detail.saved, message: errorMessageOf(error) } : null;
}
