import { toSnakeCase } from "../time/snake-case";

/**
 * The appointment's fields, once: their API (camelCase) name, the legacy
 * (snake_case) parameter name of the seed's "update appointment" page, and the
 * legacy value type. The REST parser, the REST serializer and the OpenAPI
 * document are all derived from this table, so a field cannot be added to one
 * and forgotten in another.
 */

/** `minutes`: minutes after local midnight, as an integer or as a time of day (`08:00`, `8:00 AM`, `08:00:00`). */
export type LegacyType = "string" | "boolean" | "integer" | "minutes" | "date" | "time" | "datetime";

export interface FieldSpec {
  /** Name in the tRPC API and the Prisma model. */
  readonly key: string;
  /** Name in the legacy REST API (the seed page). */
  readonly legacy: string;
  readonly type: LegacyType;
  /** What the seed page says of it, or ours where the page says "-". */
  readonly description: string;
  /**
   * `writable`: the caller may set it. `server`: the server sets it and a value
   * sent for it is ignored with a warning (the seed still lists it).
   */
  readonly access: "writable" | "server";
}

const f = (key: string, legacy: string, type: LegacyType, description: string, access: FieldSpec["access"] = "writable"): FieldSpec => ({
  key,
  legacy,
  type,
  description,
  access,
});

export const appointmentFields = [
  f("officeId", "office_id", "integer", "Id of the office that runs the appointment."),
  f("timeZoneLocal", "time_zone_local", "string", "IANA time zone of the shoot location; defaults to the office's."),
  f("confirmed", "confirmed", "boolean", "Whether the appointment is confirmed. Confirming sets confirmed_at and confirmed_by."),
  f("cancelled", "cancelled", "boolean", "Whether the appointment is cancelled."),
  f("allday", "allday", "boolean", "All-day appointments carry dates only."),
  f("apptType", "appt_type", "string", "Kind of appointment."),
  f("confirmedAt", "confirmed_at", "datetime", "When the appointment was confirmed (set by the server).", "server"),
  f(
    "confirmedBy",
    "confirmed_by",
    "string",
    "Who confirmed the appointment: the name sent (e.g. the FileMaker operator), else the caller. Stamped on confirming, cleared on unconfirming.",
  ),
  f("dateStartLocal", "date_start_local", "date", "Start date in the location's time zone."),
  f("dateStartOffice", "date_start_office", "date", "Start date in the office's time zone."),
  f("dateStopLocal", "date_stop_local", "date", "Stop date in the location's time zone."),
  f("dateStopOffice", "date_stop_office", "date", "Stop date in the office's time zone."),
  f("deliveryType", "delivery_type", "string", "How the photos are delivered."),
  f("description", "description", "string", "Description of the shoot."),
  f("location", "location", "string", "Where the shoot happens."),
  f("notes", "notes", "string", "Free-form notes."),
  f("onSiteCancel", "on_site_cancel", "boolean", "The cancellation happened on site."),
  f("optional", "optional", "boolean", "The appointment is optional."),
  f("orderId", "order_id", "integer", "Id of order associated to appointment"),
  f("orderRequestApptId", "order_request_appt_id", "integer", "Id of order_request_appt appointment is associated with."),
  f("photographerName", "photographer_name", "string", "Name of the assigned photographer; kept in step with photographer_user_id."),
  f("photographerUserId", "photographer_user_id", "integer", "Id of photographer's user record."),
  f("requestedDate", "requested_date", "date", "Date the client asked for."),
  f("requestedTime", "requested_time", "time", "Time the client asked for."),
  f("sameDayCancel", "same_day_cancel", "boolean", "Cancelled on the appointment's local date; derived unless given."),
  f("timeStartLocal", "time_start_local", "time", "Start time in the location's time zone."),
  f("timeStartOffice", "time_start_office", "time", "Start time in the office's time zone."),
  f("timeStopLocal", "time_stop_local", "time", "Stop time in the location's time zone."),
  f("timeStopOffice", "time_stop_office", "time", "Stop time in the office's time zone."),
  f("summary", "summary", "string", "One-line summary."),
  f("timeDuration", "time_duration", "string", "Duration as H:MM (H:MM:SS accepted, as a FileMaker time field holds it); always agrees with start and stop."),
  f("createdBy", "created_by", "string", "Who created the appointment."),
  f("createdIn", "created_in", "string", "Where the appointment was created."),
  f("updatedBy", "updated_by", "string", "Who last updated the appointment; the caller unless given."),
  f("uuid", "uuid", "string", "The appointment's UUID.", "server"),
  f("createdAt", "created_at", "datetime", "This will param will be deleted at some point.", "server"),
  f("updatedAt", "updated_at", "datetime", "This will param will be deleted at some point.", "server"),
  f("dateStopUtc", "date_stop_utc", "date", "Stop date in UTC."),
  f("dateStartUtc", "date_start_utc", "date", "Start date in UTC."),
  f("timeStartUtc", "time_start_utc", "time", "Start time in UTC."),
  f("timeStopUtc", "time_stop_utc", "time", "Stop time in UTC."),
  f("timeDurationS", "time_duration_s", "integer", "Duration of the appointment in seconds"),
  f("readyToSchedule", "ready_to_schedule", "boolean", "The appointment can be scheduled."),
  f("windowDateStart", "window_date_start", "date", "First date of the scheduling window."),
  f("windowDateEnd", "window_date_end", "date", "Last date of the scheduling window."),
  f(
    "windowTimeStart",
    "window_time_start",
    "minutes",
    "Window start: an integer number of minutes after local midnight (0-1440, e.g. 480), or a time of day (08:00, 8:00 AM, 08:00:00).",
  ),
  f(
    "windowTimeEnd",
    "window_time_end",
    "minutes",
    "Window end: an integer number of minutes after local midnight (0-1440, e.g. 1020), or a time of day (17:00, 5:00 PM, 17:00:00).",
  ),
  f("orderRequestId", "order_request_id", "integer", "Order Request ID"),
  f("cancelReason", "cancel_reason", "string", "Why the appointment was cancelled."),
] as const satisfies readonly FieldSpec[];

export const fieldByKey: ReadonlyMap<string, FieldSpec> = new Map(appointmentFields.map((spec) => [spec.key, spec]));
export const fieldByLegacyName: ReadonlyMap<string, FieldSpec> = new Map(appointmentFields.map((spec) => [spec.legacy, spec]));

/** The legacy (snake_case) name of an API field, for error messages. */
export function legacyName(key: string): string {
  return fieldByKey.get(key)?.legacy ?? toSnakeCase(key);
}
