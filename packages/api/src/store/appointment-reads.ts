/**
 * Listing appointments: filters, the caller's visibility, and keyset paging on
 * (startsAt, id) so a page deep in a million rows costs what the first does.
 */
import { Prisma, type Db } from "@plano/db";
import type { z } from "zod";
import type { listAppointmentsInput } from "@plano/schema";
import { invalidParam } from "../errors";
import type { ReadScope } from "../auth/principal";
import { likeLiteral } from "../domain/like-literal";
import { appointmentColumns, appointmentOfRow, type AppointmentScalars } from "./appointment-columns";
import { rows } from "./client";

/** Plans here depend on the filter values (see localDateCondition): planned afresh on every run. */
const unprepared = { prepared: false };

type ListInput = z.output<typeof listAppointmentsInput>;

interface Cursor {
  startsAt: string | null;
  id: number;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.startsAt, cursor.id])).toString("base64url");

/** An instant exactly as `encodeCursor` writes it (`Date#toISOString`), so PostgreSQL reads it as written. */
const isCursorInstant = (value: unknown): value is string =>
  typeof value === "string" &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
  !Number.isNaN(Date.parse(value)) &&
  new Date(value).toISOString() === value;

/**
 * The cursor's instant for a row's start. A start no Date can hold (a row
 * broken by hand, e.g. in year 10000) pages on as PostgreSQL's `infinity`
 * (`-infinity` before year 1), beyond every readable instant, rather than
 * failing the page.
 */
function cursorInstantOf(startsAt: Date | null): string | null {
  if (startsAt === null) return null;
  if (Number.isNaN(startsAt.getTime()) || startsAt.getUTCFullYear() > 9999) return INFINITY;
  return startsAt.getUTCFullYear() < 1 ? `-${INFINITY}` : startsAt.toISOString();
}
const INFINITY = "infinity";

/** Only what `encodeCursor` can have written: a crafted one is an invalid param, never a failed query. */
function decodeCursor(value: string): Cursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [startsAt, id] = decoded as [unknown, unknown];
      const validId = typeof id === "number" && Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;
      if (validId && (startsAt === null || startsAt === INFINITY || startsAt === `-${INFINITY}` || isCursorInstant(startsAt))) return { startsAt, id };
    }
  } catch {
    // fall through to the error below
  }
  return invalidParam("cursor", "is not a cursor this API returned");
}

/** No zone is more than 14 hours from UTC: a local-date range fits in this instant range. */
const MAX_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Visibility as SQL: everything, or the caller's own shoots and their own orders' appointments. */
export function scopeCondition(scope: ReadScope): Prisma.Sql | undefined {
  if (scope.all) return undefined;
  const visible: Prisma.Sql[] = [];
  if (scope.photographerUserId !== null) visible.push(Prisma.sql`a.photographer_user_id = ${scope.photographerUserId}`);
  if (scope.clientId !== null) visible.push(Prisma.sql`a.order_id IN (SELECT id FROM "order" WHERE client_id = ${scope.clientId})`);
  return visible.length > 0 ? Prisma.sql`(${Prisma.join(visible, " OR ")})` : Prisma.sql`false`;
}

/** The instant range: the caller's UTC bounds, tightened by the local-date bounds. */
function startsAtRange(input: ListInput): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (input.startsFrom) range.gte = new Date(input.startsFrom);
  if (input.startsTo) range.lt = new Date(input.startsTo);
  // A local-date filter also bounds the instant, loosely, so the
  // (photographer|office, starts_at) indexes can serve it.
  if (input.dateFromLocal) {
    const bound = new Date(Date.parse(`${input.dateFromLocal}T00:00:00Z`) - MAX_ZONE_OFFSET_MS);
    if (!range.gte || bound > range.gte) range.gte = bound;
  }
  if (input.dateToLocal) {
    const bound = new Date(Date.parse(`${input.dateToLocal}T00:00:00Z`) + DAY_MS + MAX_ZONE_OFFSET_MS);
    // Past year 9999 (dateToLocal near LAST_DATE) it bounds nothing stored, and PostgreSQL cannot read "+010000-…".
    if (bound.getUTCFullYear() <= 9999 && (!range.lt || bound < range.lt)) range.lt = bound;
  }
  return range;
}

/**
 * The exact local-date test. It is nearly implied by the instant range beside
 * it (only 14 hours looser on each side), but the planner takes the two as
 * independent and, multiplying their selectivities, expects a handful of rows:
 * it then fetches the whole range and sorts it (15 ms for an office's week at
 * 1M rows) instead of walking the (office|photographer, starts_at, id) index in
 * order and stopping at the page (0.3 ms). Inside COALESCE the planner cannot
 * see a range on the column and keeps a neutral estimate. NULL dates are still
 * excluded, as by the plain comparison.
 */
function localDateCondition(input: ListInput): Prisma.Sql | undefined {
  const tests: Prisma.Sql[] = [];
  if (input.dateFromLocal) tests.push(Prisma.sql`a.date_start_local >= ${input.dateFromLocal}::date`);
  if (input.dateToLocal) tests.push(Prisma.sql`a.date_start_local <= ${input.dateToLocal}::date`);
  return tests.length > 0 ? Prisma.sql`COALESCE(${Prisma.join(tests, " AND ")}, false)` : undefined;
}

const equalityColumns = {
  photographerUserId: Prisma.raw("a.photographer_user_id"),
  officeId: Prisma.raw("a.office_id"),
  orderId: Prisma.raw("a.order_id"),
  confirmed: Prisma.raw("a.confirmed"),
  cancelled: Prisma.raw("a.cancelled"),
  readyToSchedule: Prisma.raw("a.ready_to_schedule"),
} as const;

/** Rows after the cursor in the page order; unscheduled appointments (no start) come last. */
function afterCursor(cursor: Cursor, descending: boolean, nullsPossible: boolean): Prisma.Sql {
  const beyond = Prisma.raw(descending ? "<" : ">");
  if (cursor.startsAt === null) return Prisma.sql`(a.starts_at IS NULL AND a.id ${beyond} ${cursor.id})`;
  const at = cursor.startsAt;
  const after = [Prisma.sql`a.starts_at ${beyond} ${at}::timestamptz`, Prisma.sql`(a.starts_at = ${at}::timestamptz AND a.id ${beyond} ${cursor.id})`];
  if (nullsPossible) after.push(Prisma.sql`a.starts_at IS NULL`);
  return Prisma.sql`(${Prisma.join(after, " OR ")})`;
}

/**
 * The search box: `#25` is appointment 25 or order 25; a bare number also
 * matches the text; anything else as Prisma's `contains`: the term goes into
 * LIKE as given (the trigram index serves it).
 */
function searchCondition(search: string): Prisma.Sql {
  const number = /^#?\s*(\d{1,10})$/.exec(search);
  const id = number ? Number(number[1]) : NaN;
  // LIKE's own wildcards and escape (\, %, _) in the term are escaped (the trigram index still serves it).
  const text = Prisma.sql`a.search_text LIKE ('%' || ${likeLiteral(search.toLowerCase())} || '%')`;
  if (!number || id > 2_147_483_647) return text;
  const byNumber = Prisma.sql`(a.id = ${id} OR a.order_id = ${id})`;
  return search.startsWith("#") ? byNumber : Prisma.sql`(${byNumber} OR ${text})`;
}

/** The orders of a page's appointments: their reference and their client's name, for the list's "Order and client" column. */
async function ordersOf(db: Db, orderIds: number[]) {
  if (orderIds.length === 0) return [];
  return rows<{ id: number; reference: string | null; clientName: string | null }>(
    db,
    Prisma.sql`
    SELECT o.id, o.reference, u.name AS "clientName"
      FROM "order" o
      LEFT JOIN client_record c ON c.id = o.client_id
      LEFT JOIN "user" u ON u.id = c.user_id
     WHERE o.id = ANY(${orderIds}::int[])`,
    unprepared,
  );
}

/**
 * One raw query (the page with its offices' zones) rather than Prisma's
 * findMany + include: at 50 rows a page the query builder's per-row work cost
 * several times the query itself (bench/).
 */
export async function listAppointments(db: Db, scope: ReadScope, input: ListInput) {
  if (input.dateFromLocal && input.dateToLocal && input.dateFromLocal > input.dateToLocal) {
    invalidParam("dateToLocal", "must not be before dateFromLocal", ["dateFromLocal", "dateToLocal"]);
  }
  const range = startsAtRange(input);
  const conditions: Prisma.Sql[] = [];
  const visible = scopeCondition(scope);
  if (visible) conditions.push(visible);
  if (range.gte) conditions.push(Prisma.sql`a.starts_at >= ${range.gte.toISOString()}::timestamptz`);
  if (range.lt) conditions.push(Prisma.sql`a.starts_at < ${range.lt.toISOString()}::timestamptz`);
  const localDates = localDateCondition(input);
  if (localDates) conditions.push(localDates);
  for (const key of Object.keys(equalityColumns) as (keyof typeof equalityColumns)[]) {
    if (input[key] !== undefined) conditions.push(Prisma.sql`${equalityColumns[key]} = ${input[key]}`);
  }
  // `#25` / a bare number also find appointment or order 25 (searchCondition); text matches literally.
  if (input.search) conditions.push(searchCondition(input.search));
  const descending = input.sort === "-startsAt";
  const unbounded = range.gte === undefined && range.lt === undefined;
  if (input.cursor) conditions.push(afterCursor(decodeCursor(input.cursor), descending, unbounded));

  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  // Unscheduled appointments (no start) come last. Within a date range none can
  // match, and leaving NULLS LAST out lets Postgres walk the (…, starts_at)
  // indexes backwards for a descending page instead of sorting the whole range.
  const nullsLast = unbounded ? Prisma.raw("NULLS LAST") : Prisma.empty;
  const found = await rows<AppointmentScalars & { officeTimeZone: string }>(
    db,
    Prisma.sql`
    SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
      FROM appointment a
      JOIN office o ON o.id = a.office_id
     WHERE ${conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`true`}
     ORDER BY a.starts_at ${direction} ${nullsLast}, a.id ${direction}
     LIMIT ${input.limit + 1}`,
    unprepared,
  );
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  const orderIds = [...new Set(page.flatMap((row) => (row.orderId === null ? [] : [row.orderId])))];
  return {
    appointments: page.map(appointmentOfRow),
    orders: await ordersOf(db, orderIds),
    nextCursor: found.length > input.limit && last ? encodeCursor({ startsAt: cursorInstantOf(last.startsAt), id: last.id }) : null,
  };
}
