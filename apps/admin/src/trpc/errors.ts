/**
 * Reading the API's error detail (`error.data.plano`) off a tRPC client error:
 * why the call failed and which field is at fault.
 */
import type { Appointment, ErrorReason } from "@plano/schema";

export interface PlanoErrorData {
  reason: ErrorReason;
  field?: string;
  fields?: string[];
  current?: Appointment;
  saved?: Appointment;
}

export function planoErrorOf(error: unknown): PlanoErrorData | null {
  const data = (error as { data?: { plano?: PlanoErrorData | null } } | null)?.data;
  return data?.plano ?? null;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}

/** The session is gone or never was: the user has to sign in (again). */
export function needsSignIn(error: unknown): boolean {
  const reason = planoErrorOf(error)?.reason;
  return reason === "session-expired" || reason === "invalid-token";
}
