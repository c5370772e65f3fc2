/**
 * Domain errors. Each carries a machine-readable reason (see @plano/schema's
 * `errorReasons`), where one applies the field at fault, and what is wrong as
 * an issue text with its fields and values as placeholders (`IssueText`), so
 * every entry point (tRPC, REST, the admin) words it in its own names.
 */
import { fieldRef, legacyName, renderIssue, type Appointment, type ErrorReason, type IssueText, type SessionView } from "@plano/schema";

export interface PlanoErrorDetails {
  /** Values the issue text names as `{name}` (what the caller sent, ids). */
  params?: IssueText["params"];
  field?: string;
  fields?: string[];
  /** `update-conflict`: the record as it is now. */
  current?: Appointment;
  /** `client-required`: the session, which registration still needs. */
  session?: SessionView;
  /** `email-failed`: the change that was saved before the email failed. */
  saved?: Appointment;
  /** `too-many-attempts`: seconds until the next attempt may be made (also the Retry-After header). */
  retryAfterSeconds?: number;
}

export class PlanoError extends Error {
  /** What is wrong, for each door to word (`renderIssue`); `message` is it in the API's own (legacy snake_case) names. */
  readonly issue: IssueText;

  constructor(
    readonly reason: ErrorReason,
    text: string,
    readonly details: PlanoErrorDetails = {},
  ) {
    const issue: IssueText = details.params ? { text, params: details.params } : { text };
    super(renderIssue(issue, legacyName));
    this.issue = issue;
    this.name = "PlanoError";
  }
}

/**
 * Refuses the call. Thrown as the PlanoError itself: domain code knows no
 * transport; trpc.ts turns it into tRPC's error (one mapping for every
 * procedure), the REST adapter into its status.
 */
export function fail(reason: ErrorReason, text: string, details?: PlanoErrorDetails): never {
  throw new PlanoError(reason, text, details);
}

/** `reason` names other fields as `{apiKey}` and values as `{name}` from `params`. */
export function invalidParam(field: string, reason: string, fields?: string[], params?: IssueText["params"]): never {
  return fail("invalid-param", `${fieldRef(field)}: ${reason}`, { field, fields: fields ?? [field], ...(params ? { params } : {}) });
}

/** The PlanoError thrown, or wrapped as the cause of a transport's error (tRPC's, for a server-side caller). */
export function planoErrorOf(error: unknown): PlanoError | undefined {
  if (error instanceof PlanoError) return error;
  if (error instanceof Error && error.cause instanceof PlanoError) return error.cause;
  return undefined;
}
