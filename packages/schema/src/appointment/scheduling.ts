/**
 * The schedulers' tools beyond one record: who is free for a slot
 * (`appointment.availability`), one change applied to many rows
 * (`appointment.bulk`), and saved list views (`view.*`).
 */
import { z } from "zod";
import { BULK_MAX_ROWS } from "../limits";
import { overlapSchema, recordId, storableText } from "./model";

const instant = z.iso.datetime({ offset: true, error: "expected an ISO 8601 instant with an offset" });

export const availabilityInput = z
  .object({
    startsAt: instant,
    stopsAt: instant,
    /** The appointment being edited: never its own overlap. */
    excludeId: recordId.optional(),
  })
  .strict()
  .refine((input) => Date.parse(input.stopsAt) > Date.parse(input.startsAt), { error: "stopsAt must be after startsAt", path: ["stopsAt"] })
  .refine((input) => Date.parse(input.stopsAt) - Date.parse(input.startsAt) <= 7 * 24 * 3600 * 1000, {
    error: "a slot of at most 7 days",
    path: ["stopsAt"],
  });

export const availablePhotographerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** No other, not-cancelled appointment of theirs intersects the slot. */
  free: z.boolean(),
  /** What they are booked with in the slot (empty when free; only what the caller may read). */
  overlaps: z.array(overlapSchema),
  /** Busy, but the caller may not read with what. */
  hiddenOverlaps: z.number().int(),
});
export const availabilitySchema = z.object({
  /** Grouped by the office a photographer last worked for (their latest appointment starting before the slot ends). */
  offices: z.array(
    z.object({
      officeId: z.number().int().nullable(),
      officeName: z.string(),
      photographers: z.array(availablePhotographerSchema),
    }),
  ),
});
export type Availability = z.infer<typeof availabilitySchema>;
export type AvailablePhotographer = z.infer<typeof availablePhotographerSchema>;

export const bulkChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("confirm") }).strict(),
  z
    .object({
      kind: z.literal("cancel"),
      reason: storableText(1000).trim().min(1, { error: "a cancellation needs a reason" }),
    })
    .strict(),
  z.object({ kind: z.literal("reassign"), photographerUserId: recordId.nullable() }).strict(),
  z
    .object({
      kind: z.literal("move"),
      days: z
        .number({ error: "expected a whole number of days" })
        .int({ error: "expected a whole number of days" })
        .min(-366, { error: "at most 366 days either way" })
        .max(366, { error: "at most 366 days either way" })
        .refine((days) => days !== 0, { error: "moving by 0 days changes nothing" }),
    })
    .strict(),
]);
export type BulkChange = z.infer<typeof bulkChangeSchema>;

export const bulkInput = z
  .object({
    change: bulkChangeSchema,
    /** Each row with the version the caller read: a row changed since is reported as a conflict, not overwritten. */
    rows: z
      .array(z.object({ id: recordId, updatedAtMt: z.string().min(1).max(64) }).strict())
      .min(1, { error: "select at least one appointment" })
      .max(BULK_MAX_ROWS, { error: `at most ${BULK_MAX_ROWS} appointments at once` })
      .refine((rows) => new Set(rows.map((row) => row.id)).size === rows.length, { error: "each appointment at most once" }),
  })
  .strict();

export const bulkRowResultSchema = z.object({
  id: z.number().int(),
  status: z.enum(["done", "conflict", "invalid"]),
  /** Why not done (or a note on a done row, e.g. the client email will be retried). */
  reason: z.string().nullable(),
  field: z.string().nullable(),
  /** The version after the change (done), or the current one (conflict), to retry with. */
  updatedAtMt: z.string().nullable(),
});
export const bulkResultSchema = z.object({
  results: z.array(bulkRowResultSchema),
  done: z.number().int(),
  conflicts: z.number().int(),
  invalid: z.number().int(),
});
export type BulkRowResult = z.infer<typeof bulkRowResultSchema>;

/** A saved list view: the list's query string, a name, and whether colleagues see it. */
export const savedViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  query: z.string(),
  shared: z.boolean(),
  ownerName: z.string(),
  mine: z.boolean(),
});

export const saveViewInput = z
  .object({
    name: storableText(80).trim().min(1, { error: "a view needs a name" }),
    /** The list's query string (filters only: no cursor). */
    query: storableText(1000).regex(/^[\w\-.~%&=+]*$/, { error: "expected a URL query string" }),
    shared: z.boolean().default(false),
  })
  .strict();
export const deleteViewInput = z.object({ id: recordId }).strict();
