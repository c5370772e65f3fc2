/**
 * Domain errors. Each carries a machine-readable reason (see @plano/schema's
 * `errorReasons`) and, where one applies, the field at fault, so every entry
 * point (tRPC, REST, the admin) can say exactly what went wrong.
 */
import { TRPCError } from "@trpc/server";
import { legacyName, type Appointment, type ErrorReason, type SessionView } from "@plano/schema";

export interface PlanoErrorDetails {
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
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly details: PlanoErrorDetails = {},
  ) {
    super(message);
    this.name = "PlanoError";
  }
}

const trpcCodeFor: Record<ErrorReason, TRPCError["code"]> = {
  "invalid-token": "UNAUTHORIZED",
  "session-expired": "UNAUTHORIZED",
  "client-required": "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  "missing-param": "BAD_REQUEST",
  "invalid-param": "BAD_REQUEST",
  "not-found": "NOT_FOUND",
  "update-conflict": "CONFLICT",
  "email-failed": "INTERNAL_SERVER_ERROR",
  "too-many-attempts": "TOO_MANY_REQUESTS",
};

/** A TRPCError whose cause is the PlanoError, so the formatter and adapters can read it. */
export function fail(reason: ErrorReason, message: string, details?: PlanoErrorDetails): never {
  const cause = new PlanoError(reason, message, details);
  throw new TRPCError({ code: trpcCodeFor[reason], message, cause });
}

export function invalidParam(field: string, reason: string, fields?: string[]): never {
  return fail("invalid-param", `${legacyName(field)}: ${reason}`, { field, fields: fields ?? [field] });
}

export function planoErrorOf(error: unknown): PlanoError | undefined {
  if (error instanceof PlanoError) return error;
  if (error instanceof TRPCError && error.cause instanceof PlanoError) return error.cause;
  return undefined;
}
