/**
 * The dispatch board: what it asks for, and what a live change event says.
 *
 * "Placed" (the board's word): an appointment is placed when it has both a
 * photographer and a start date. The ready-to-schedule queue holds the
 * appointments that are ready to schedule, not cancelled, and not placed
 * (no photographer, or no date); placing one on a lane gives it both.
 */
import { z } from "zod";
import { appointmentSchema, isoDate, recordId } from "./model";

export const boardViews = ["day", "week"] as const;
export type BoardView = (typeof boardViews)[number];
/** How many office days each view shows. */
export const boardViewDays: Record<BoardView, number> = { day: 1, week: 7 };

export const boardInput = z
  .object({
    /** The first office-zone day shown. */
    date: isoDate,
    view: z.enum(boardViews).default("day"),
    /** One office, or all offices when left out. */
    officeId: recordId.optional(),
  })
  .strict();

/** A photographer lane: by home office (null without one). */
export const boardPhotographerSchema = z.object({ id: z.number().int(), name: z.string(), officeId: z.number().int().nullable() });

export const boardSchema = z.object({
  /** The first and last office-zone day shown. */
  from: z.string(),
  to: z.string(),
  view: z.enum(boardViews),
  officeId: z.number().int().nullable(),
  appointments: z.array(appointmentSchema),
  /** More appointments than a board shows fell in the range. */
  truncated: z.boolean(),
  /** The ready-to-schedule queue. */
  queue: z.array(appointmentSchema),
  photographers: z.array(boardPhotographerSchema),
  /** Subscribe to `appointment.onChange` with this as `lastEventId` to miss nothing after this read. */
  lastEventId: z.string(),
});

/** Live change events: what to hear about. All filters add up; `lastEventId` resumes after that event. */
export const appointmentChangesInput = z
  .object({
    officeId: recordId.optional(),
    /** Appointments starting on these dates (local or office zone), inclusive; or moved away from them. */
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    id: recordId.optional(),
    /** Set by tRPC's client on reconnect (the last `tracked()` id); may also be given to catch up from a read. */
    lastEventId: z
      .string()
      .regex(/^\d{1,12}$/, { error: "expected an event id" })
      .nullish(),
  })
  .strict()
  .refine((input) => !input.dateFrom || !input.dateTo || input.dateFrom <= input.dateTo, {
    error: "must not be before dateFrom",
    path: ["dateTo"],
  });
export type AppointmentChangesInput = z.input<typeof appointmentChangesInput>;

export const appointmentChangeEventSchema = z.object({
  kind: z.literal("change"),
  /** The audit entry's id: increasing, and the resume point. */
  id: z.number().int(),
  appointmentId: z.number().int(),
  action: z.string(),
  actor: z.string(),
  actorUserId: z.number().int().nullable(),
  channel: z.string(),
  /** The API fields this change touched. */
  fields: z.array(z.string()),
  /** The record as it is now (read by id when the event was sent); null when the caller may no longer see it. */
  appointment: appointmentSchema.nullable(),
});
export type AppointmentChangeEvent = z.infer<typeof appointmentChangeEventSchema>;

/** Sent when more changed than the replay log holds: the client must reload what it shows. */
export const appointmentResyncEventSchema = z.object({ kind: z.literal("resync"), id: z.number().int() });

export const appointmentLiveEventSchema = z.discriminatedUnion("kind", [appointmentChangeEventSchema, appointmentResyncEventSchema]);
export type AppointmentLiveEvent = z.infer<typeof appointmentLiveEventSchema>;
