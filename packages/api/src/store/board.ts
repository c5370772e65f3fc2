/**
 * The dispatch board's data in one request: the appointments of the shown
 * office days (and those begun earlier that still run into them), the lanes (photographers, by home office), the
 * ready-to-schedule queue, and the live-change id to resume from.
 *
 * Served by the (office_id, starts_at, id) index (or (starts_at, id) for all
 * offices) and, for the queue, the partial appointment_queue_idx (office_id,
 * starts_at, id) of the unplaced, ready, not cancelled ones (for all offices,
 * (photographer_user_id, starts_at, id) with a NULL photographer); see bench/
 * scenario board-day.
 */
import { Prisma, type Db } from "@plano/db";
import { boardViewDays, type boardInput } from "@plano/schema";
import type { z } from "zod";
import type { ReadScope } from "../auth/principal";
import { latestChangeId } from "../live/change-events";
import { scopeCondition } from "./appointment-reads";
import { appointmentColumns, appointmentOfRow, type AppointmentTextScalars } from "./appointment-columns";
import { rows } from "./client";

/**
 * Plans here depend on the shown days: planned afresh on every run (see appointment-reads.ts).
 * Appointment rows come with their dates and times as the API's text already (store/client.ts).
 */
const unprepared = { prepared: false };
const unpreparedText = { prepared: false, apiText: true };

type BoardInput = z.output<typeof boardInput>;

const DAY_MS = 86_400_000;
/** No zone is more than 14 hours from UTC: office dates fit in this instant range. */
const MAX_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;
/** A board never shows more than this many blocks (a week of every office stays far below it). */
export const BOARD_MAX_APPOINTMENTS = 5000;
export const QUEUE_MAX = 200;
/** The queue shows what is due around the shown days: a week before them to two weeks after. */
const QUEUE_BEFORE_DAYS = 7;
const QUEUE_AFTER_DAYS = 14;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

type Row = AppointmentTextScalars & { officeTimeZone: string };

export async function loadBoard(db: Db, scope: ReadScope, input: BoardInput) {
  // Read first: any change committed from here on is replayed to a subscriber resuming from this id.
  const lastEventId = await latestChangeId(db);
  const from = input.date;
  const to = addDays(from, boardViewDays[input.view] - 1);
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const toMs = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
  const visible = scopeCondition(scope) ?? Prisma.sql`true`;
  const office = input.officeId !== undefined ? Prisma.sql`a.office_id = ${input.officeId}` : Prisma.sql`true`;

  // The office-date test inside COALESCE keeps the planner's row estimate neutral (see appointment-reads.ts).
  const appointmentsQuery = rows<Row>(
    db,
    Prisma.sql`
    SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
      FROM appointment a JOIN office o ON o.id = a.office_id
     WHERE ${office} AND ${visible}
       AND a.starts_at >= ${iso(fromMs - MAX_ZONE_OFFSET_MS)}::timestamptz
       AND a.starts_at < ${iso(toMs + MAX_ZONE_OFFSET_MS)}::timestamptz
       AND COALESCE(a.date_start_office >= ${from}::date AND a.date_start_office <= ${to}::date, false)
     ORDER BY a.starts_at, a.id
     LIMIT ${BOARD_MAX_APPOINTMENTS + 1}`,
    unpreparedText,
  );
  // Not placed: no photographer (dated near the shown days), or no date at all.
  const queueQuery = rows<Row>(
    db,
    Prisma.sql`
    SELECT * FROM (
      SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
        FROM appointment a JOIN office o ON o.id = a.office_id
       WHERE a.photographer_user_id IS NULL AND a.ready_to_schedule AND NOT a.cancelled AND ${office} AND ${visible}
         AND a.starts_at >= ${iso(fromMs - QUEUE_BEFORE_DAYS * DAY_MS)}::timestamptz
         AND a.starts_at < ${iso(toMs + QUEUE_AFTER_DAYS * DAY_MS)}::timestamptz
      UNION ALL
      SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
        FROM appointment a JOIN office o ON o.id = a.office_id
       WHERE a.starts_at IS NULL AND a.ready_to_schedule AND NOT a.cancelled AND ${office} AND ${visible}
    ) q
    ORDER BY "startsAt" NULLS LAST, id
    LIMIT ${QUEUE_MAX}`,
    unpreparedText,
  );
  // Begun on an earlier office day and still running on the first shown one (overnight, or over several
  // days): the board draws their part of each shown day. A shoot of at most a day starts within a day
  // before; the rare longer ones (is_long) are found through their photographer, as overlaps.ts does.
  const fromInstantMs = fromMs - MAX_ZONE_OFFSET_MS;
  const carriedQuery = rows<Row>(
    db,
    Prisma.sql`
    SELECT * FROM (
      SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
        FROM appointment a JOIN office o ON o.id = a.office_id
       WHERE ${office} AND ${visible} AND NOT a.is_long
         AND a.starts_at >= ${iso(fromInstantMs - DAY_MS)}::timestamptz AND a.starts_at < ${iso(fromMs + MAX_ZONE_OFFSET_MS)}::timestamptz
         AND COALESCE(a.date_start_office < ${from}::date AND a.date_stop_office >= ${from}::date, false)
      UNION ALL
      SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
        FROM appointment a JOIN office o ON o.id = a.office_id
       WHERE a.is_long AND ${office} AND ${visible}
         AND a.photographer_user_id IN (SELECT e.user_id FROM employee_record e WHERE e.is_photographer)
         AND a.starts_at < ${iso(fromMs + MAX_ZONE_OFFSET_MS)}::timestamptz AND a.stops_at > ${iso(fromInstantMs)}::timestamptz
         AND COALESCE(a.date_start_office < ${from}::date AND a.date_stop_office >= ${from}::date, false)
    ) c
    ORDER BY "startsAt", id
    LIMIT ${QUEUE_MAX}`,
    unpreparedText,
  );
  const [carried, found, queueRows] = await Promise.all([carriedQuery, appointmentsQuery, queueQuery]);

  const appointments = [...carried, ...found].slice(0, BOARD_MAX_APPOINTMENTS).map(appointmentOfRow);
  const onBoard = [...new Set(appointments.flatMap((a) => (a.photographerUserId === null ? [] : [a.photographerUserId])))];
  const photographers = await rows<{ id: number; name: string; officeId: number | null }>(
    db,
    Prisma.sql`
    SELECT u.id, u.name, e.office_id AS "officeId"
      FROM "user" u JOIN employee_record e ON e.user_id = u.id
     WHERE e.is_photographer
       AND (${input.officeId === undefined ? Prisma.sql`true` : Prisma.sql`e.office_id = ${input.officeId}`}
            OR u.id = ANY(${onBoard}::int[]))
     ORDER BY u.name, u.id`,
    unprepared,
  );

  return {
    from,
    to,
    view: input.view,
    officeId: input.officeId ?? null,
    appointments,
    truncated: found.length > BOARD_MAX_APPOINTMENTS,
    queue: queueRows.map(appointmentOfRow),
    photographers,
    /** Subscribe to `appointment.onChange` with this as `lastEventId` to miss nothing after this read. */
    lastEventId: String(lastEventId),
  };
}
