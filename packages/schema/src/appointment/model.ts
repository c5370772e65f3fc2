/**
 * The appointment domain model: what the tRPC API takes and returns. Names are
 * camelCase; the legacy REST adapter maps them through `fields.ts`.
 */
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isInDateRange } from "../time/calendar";
import { parseDuration } from "../time/duration";
import { isValidTimeZone } from "../time/zones";
import type { AppointmentWritableKey } from "./writable-fields";

/** `YYYY-MM-DD`, a real calendar date in the domain's calendar (years 1900–9999, see FIRST_DATE). */
export const isoDate = z.iso.date({ error: "expected a date as YYYY-MM-DD" }).refine(isInDateRange, { error: DATE_RANGE_MESSAGE });

/** An instant with its offset, inside the domain's calendar in UTC (years 1900–9999). */
export const isoInstant = z.iso.datetime({ offset: true }).refine(
  (text) => {
    const instant = new Date(text);
    return !Number.isNaN(instant.getTime()) && isInDateRange(instant.toISOString().slice(0, 10));
  },
  { error: `must be an instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z` },
);

/** `HH:MM` or `HH:MM:SS`, normalised to `HH:MM:SS`. */
export const isoTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: "expected a time as HH:MM or HH:MM:SS" })
  .transform((time) => (time.length === 5 ? `${time}:00` : time));

/** An IANA zone the runtime knows, e.g. "America/Denver". */
export const timeZoneName = z.string().refine(isValidTimeZone, { error: "expected an IANA time zone such as America/Denver" });

/** Whole seconds in a year: no appointment lasts longer. */
export const MAX_DURATION_S = 31_536_000;

/** `H:MM` (hours may exceed 24), or `H:MM:SS` as a FileMaker time field holds it; at most a year (8760:00) as `timeDurationS`. */
export const durationDisplay = z
  .string()
  .regex(/^\d{1,4}:[0-5]\d(:[0-5]\d)?$/, { error: "expected a duration as H:MM or H:MM:SS" })
  .refine(
    (text) => {
      const parsed = parseDuration(text);
      return parsed.ok && parsed.value <= MAX_DURATION_S;
    },
    { error: "at most one year (8760:00)" },
  );

export const recordId = z.number({ error: "expected an integer id" }).int().positive().max(2_147_483_647);
/** NUL and unpaired surrogates: JSON can carry them, PostgreSQL text cannot store them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL text cannot store.
const UNSTORABLE_TEXT = /[\u0000\p{Cs}]/u;
export const isStorableText = (text: string): boolean => !UNSTORABLE_TEXT.test(text);

/** Text the database can store, refused up front (not as a failed write) when it cannot. */
export const storableText = (max: number) =>
  z
    .string()
    .max(max, { error: `at most ${max} characters` })
    .refine(isStorableText, { error: "must not contain NUL characters or unpaired surrogates" });
const optionalText = (max: number) => storableText(max).nullable();
const minutesAfterMidnight = z
  .number()
  .int()
  .min(0, { error: "expected minutes after local midnight, 0 to 1440" })
  .max(1440, { error: "expected minutes after local midnight, 0 to 1440" })
  .nullable();

/**
 * Every field a caller may set. All optional: create and update both take a subset.
 * The same keys, and which are nullable, are in writable-fields.ts without zod (the `satisfies` and its test keep them equal).
 */
export const appointmentWritableShape = {
  officeId: recordId,
  timeZoneLocal: timeZoneName,
  confirmed: z.boolean(),
  cancelled: z.boolean(),
  allday: z.boolean(),
  apptType: optionalText(100),
  dateStartLocal: isoDate.nullable(),
  timeStartLocal: isoTime.nullable(),
  dateStopLocal: isoDate.nullable(),
  timeStopLocal: isoTime.nullable(),
  dateStartOffice: isoDate.nullable(),
  timeStartOffice: isoTime.nullable(),
  dateStopOffice: isoDate.nullable(),
  timeStopOffice: isoTime.nullable(),
  dateStartUtc: isoDate.nullable(),
  timeStartUtc: isoTime.nullable(),
  dateStopUtc: isoDate.nullable(),
  timeStopUtc: isoTime.nullable(),
  timeDurationS: z
    .number()
    .int()
    .min(0, { error: "a duration cannot be negative" })
    .max(MAX_DURATION_S, { error: "at most one year (31536000 seconds)" })
    .nullable(),
  timeDuration: durationDisplay.nullable(),
  deliveryType: optionalText(100),
  description: optionalText(10_000),
  location: optionalText(500),
  notes: optionalText(10_000),
  summary: optionalText(500),
  onSiteCancel: z.boolean(),
  sameDayCancel: z.boolean(),
  cancelReason: optionalText(1000),
  optional: z.boolean(),
  readyToSchedule: z.boolean(),
  orderId: recordId.nullable(),
  orderRequestId: recordId.nullable(),
  orderRequestApptId: recordId.nullable(),
  photographerUserId: recordId.nullable(),
  photographerName: optionalText(200),
  requestedDate: isoDate.nullable(),
  requestedTime: isoTime.nullable(),
  windowDateStart: isoDate.nullable(),
  windowDateEnd: isoDate.nullable(),
  windowTimeStart: minutesAfterMidnight,
  windowTimeEnd: minutesAfterMidnight,
  createdBy: optionalText(200),
  createdIn: optionalText(200),
  updatedBy: optionalText(200),
  /** Who confirmed: the caller's own name for it (a FileMaker operator), else the caller; stamped on confirming. */
  confirmedBy: optionalText(200),
} satisfies Record<AppointmentWritableKey, z.ZodType>;

export const appointmentPatchSchema = z.object(appointmentWritableShape).partial().strict();
export type AppointmentPatch = z.infer<typeof appointmentPatchSchema>;

const refShape = { id: recordId.optional(), uuid: z.uuid({ error: "expected a UUID" }).optional() };

/** An input about one appointment: its id or its uuid is required, plus `shape`. */
function aboutOneAppointment<S extends z.ZodRawShape>(shape: S) {
  // (Typed loosely inside: zod cannot see `id`/`uuid` through the generic spread.)
  const namesOne = (input: { id?: unknown; uuid?: unknown }) => input.id !== undefined || input.uuid !== undefined;
  return z.object({ ...refShape, ...shape }).refine((input) => namesOne(input as { id?: unknown; uuid?: unknown }), {
    // `{id}`: the field as each door names it (issue.ts).
    error: "{id} or uuid is required",
    path: ["id"],
    params: { missing: true },
  });
}

/** One appointment, named by id or by uuid. */
export const appointmentRefSchema = aboutOneAppointment({});

/** The version a caller last read: `updatedAt` as the server returned it. */
export const updatedAtMt = storableText(100).min(1, { error: "updated_at_mt is required" });

const idempotencyKey = storableText(200).min(1);

export const createAppointmentInput = appointmentPatchSchema.extend({
  officeId: recordId,
  /** A retried create with the same key returns the first result. */
  idempotencyKey: idempotencyKey.optional(),
});
export type CreateAppointmentInput = z.input<typeof createAppointmentInput>;

export const updateAppointmentInput = aboutOneAppointment({ updatedAtMt, patch: appointmentPatchSchema });

export const confirmAppointmentInput = aboutOneAppointment({
  /** Optional: confirming only touches the confirmation fields. Checked when given. */
  updatedAtMt: updatedAtMt.optional(),
});

export const cancelAppointmentInput = aboutOneAppointment({
  updatedAtMt: updatedAtMt.optional(),
  reason: storableText(1000).trim().min(1, { error: "a cancellation needs a reason" }),
  onSiteCancel: z.boolean().optional(),
  /** Derived from the appointment's local date unless given. */
  sameDayCancel: z.boolean().optional(),
});

export const listAppointmentsInput = z
  .object({
    /** Local calendar dates (the appointment's own zone), inclusive. */
    dateFromLocal: isoDate.optional(),
    dateToLocal: isoDate.optional(),
    /** Instants: appointments starting in [startsFrom, startsTo). */
    startsFrom: isoInstant.optional(),
    startsTo: isoInstant.optional(),
    photographerUserId: recordId.optional(),
    officeId: recordId.optional(),
    orderId: recordId.optional(),
    confirmed: z.boolean().optional(),
    cancelled: z.boolean().optional(),
    readyToSchedule: z.boolean().optional(),
    /** Matches summary, location, notes and photographer name, case-insensitively. */
    search: storableText(200).trim().min(1).optional(),
    sort: z.enum(["startsAt", "-startsAt"]).default("startsAt"),
    cursor: storableText(200).optional(),
    limit: z.number().int().min(1).max(200, { error: "at most 200 per page" }).default(50),
  })
  .strict();
export type ListAppointmentsInput = z.input<typeof listAppointmentsInput>;

export const conflictsInput = z
  .object({
    ...refShape,
    /** Or a prospective slot, as the edit form checks before saving. */
    photographerUserId: recordId.optional(),
    startsAt: isoInstant.optional(),
    stopsAt: isoInstant.optional(),
  })
  .refine(
    (input) =>
      input.id !== undefined ||
      input.uuid !== undefined ||
      (input.photographerUserId !== undefined && input.startsAt !== undefined && input.stopsAt !== undefined),
    { error: "{id}, uuid, or photographerUserId with startsAt and stopsAt is required", path: ["id"], params: { missing: true } },
  );

const instant = z.iso.datetime({ offset: true });

/** An appointment as every API returns it. */
export const appointmentSchema = z.object({
  id: z.number().int(),
  uuid: z.string(),
  officeId: z.number().int(),
  officeTimeZone: z.string(),
  timeZoneLocal: z.string(),
  confirmed: z.boolean(),
  cancelled: z.boolean(),
  allday: z.boolean(),
  apptType: z.string().nullable(),
  confirmedAt: instant.nullable(),
  confirmedBy: z.string().nullable(),
  dateStartLocal: z.string().nullable(),
  timeStartLocal: z.string().nullable(),
  dateStopLocal: z.string().nullable(),
  timeStopLocal: z.string().nullable(),
  dateStartOffice: z.string().nullable(),
  timeStartOffice: z.string().nullable(),
  dateStopOffice: z.string().nullable(),
  timeStopOffice: z.string().nullable(),
  dateStartUtc: z.string().nullable(),
  timeStartUtc: z.string().nullable(),
  dateStopUtc: z.string().nullable(),
  timeStopUtc: z.string().nullable(),
  startsAt: instant.nullable(),
  stopsAt: instant.nullable(),
  timeDurationS: z.number().int().nullable(),
  timeDuration: z.string().nullable(),
  deliveryType: z.string().nullable(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  summary: z.string().nullable(),
  onSiteCancel: z.boolean(),
  sameDayCancel: z.boolean(),
  cancelReason: z.string().nullable(),
  optional: z.boolean(),
  readyToSchedule: z.boolean(),
  orderId: z.number().int().nullable(),
  orderRequestId: z.number().int().nullable(),
  orderRequestApptId: z.number().int().nullable(),
  photographerUserId: z.number().int().nullable(),
  photographerName: z.string().nullable(),
  requestedDate: z.string().nullable(),
  requestedTime: z.string().nullable(),
  windowDateStart: z.string().nullable(),
  windowDateEnd: z.string().nullable(),
  windowTimeStart: z.number().int().nullable(),
  windowTimeEnd: z.number().int().nullable(),
  createdBy: z.string().nullable(),
  createdIn: z.string().nullable(),
  updatedBy: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** The version to send back with the next update. */
  updatedAtMt: z.string(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const overlapSchema = z.object({
  id: z.number().int(),
  uuid: z.string(),
  summary: z.string().nullable(),
  startsAt: instant.nullable(),
  stopsAt: instant.nullable(),
});
export type Overlap = z.infer<typeof overlapSchema>;

export const warningSchema = z.object({
  code: z.enum(["photographer-overlap", "ignored-param", "unknown-param"]),
  message: z.string(),
  field: z.string().optional(),
  overlaps: z.array(overlapSchema).optional(),
});
export type Warning = z.infer<typeof warningSchema>;

export const appointmentResultSchema = z.object({ appointment: appointmentSchema, warnings: z.array(warningSchema) });
export type AppointmentResult = z.infer<typeof appointmentResultSchema>;

/** An order a page's appointments belong to: its reference and its client's name (the list's "Order and client" column). */
export const orderSummarySchema = z.object({
  id: z.number().int(),
  reference: z.string().nullable(),
  clientName: z.string().nullable(),
});

export const appointmentPageSchema = z.object({
  appointments: z.array(appointmentSchema),
  orders: z.array(orderSummarySchema),
  nextCursor: z.string().nullable(),
});

export const changeChannel = z.enum(["trpc", "rest", "admin", "cli"]);
export type ChangeChannel = z.infer<typeof changeChannel>;

export const appointmentChangeSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  actor: z.string(),
  application: z.string().nullable(),
  channel: changeChannel,
  at: instant,
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AppointmentChangeEntry = z.infer<typeof appointmentChangeSchema>;
