/**
 * Domain errors. Each carries a machine-readable reason (see @plano/schema's
 * `errorReasons`) and, where one applies, the field at fault, so every entry
 * point (tRPC, REST, the admin) can say exactly what went wrong.
 */
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

/**
 * Refuses the call. Thrown as the PlanoError itself: domain code knows no
 * transport; trpc.ts turns it into tRPC's error (one mapping for every
 * procedure), the REST adapter into its status.
 */
export function fail(reason: ErrorReason, message: string, details?: PlanoErrorDetails): never {
  throw new PlanoError(reason, message, details);
}

export function invalidParam(field: string, reason: string, fields?: string[]): never {
  return fail("invalid-param", `${legacyName(field)}: ${reason}`, { field, fields: fields ?? [field] });
}

export function missingParam(field: string): never {
  return fail("missing-param", `${legacyName(field)} is required`, { field, fields: [field] });
}

/** The PlanoError thrown, or wrapped as the cause of a transport's error (tRPC's, for a server-side caller). */
export function planoErrorOf(error: unknown): PlanoError | undefined {
  if (error instanceof PlanoError) return error;
  if (error instanceof Error && error.cause instanceof PlanoError) return error.cause;
  return undefined;
}
