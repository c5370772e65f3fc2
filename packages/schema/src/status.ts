/**
 * The machine-readable error reasons the API carries, so that every door (the
 * REST adapter's statuses, tRPC's codes, the admin) can map them without
 * guessing. The legacy statuses and their HTTP codes are the REST adapter's
 * (packages/legacy-rest/src/statuses.ts).
 */
import { z } from "zod";

/**
 * Why a tRPC call failed, in terms every adapter understands. Carried on the
 * error (`error.data.plano`) next to tRPC's own code.
 */
export const errorReasons = [
  "invalid-token",
  "session-expired",
  "client-required",
  "forbidden",
  "missing-param",
  "invalid-param",
  "not-found",
  "update-conflict",
  "email-failed",
  "too-many-attempts",
] as const;
export type ErrorReason = (typeof errorReasons)[number];

export const errorDetailSchema = z.object({
  reason: z.enum(errorReasons),
  /** The offending field, in the API's camelCase. */
  field: z.string().optional(),
  /** All fields involved, e.g. both sides of a contradiction. */
  fields: z.array(z.string()).optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;
