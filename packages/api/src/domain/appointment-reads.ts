/**
 * Listing appointments: filters, the caller's visibility, and keyset paging on
 * (startsAt, id) so a page deep in a million rows costs what the first does.
 */
import type { Db, Prisma } from "@plano/db";
import type { ListAppointmentsInput } from "@plano/schema";
import type { z } from "zod";
import type { listAppointmentsInput } from "@plano/schema";
import { invalidParam } from "../errors";
import type { ReadScope } from "../auth/principal";
import { appointmentInclude, fromIsoDate, toAppointment } from "./appointment-record";

type ListInput = z.output<typeof listAppointmentsInput>;
export type { ListAppointmentsInput };

interface Cursor {
  startsAt: string | null;
  id: number;
}

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.startsAt, cursor.id])).toString("base64url");

function decodeCursor(value: string): Cursor {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    if ((startsAt === null || typeof startsAt === "string") && Number.isInteger(id)) {
      if (startsAt === null || !Number.isNaN(Date.parse(startsAt))) return { startsAt, id: id as number };
    }
  } catch {
    // fall through to the error below
  }
  return invalidParam("cursor", "is not a cursor this API returned");
}

/** No zone is more than 14 hours from UTC: a local-date range fits in this instant range. */
const MAX_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function scopeFilter(scope: ReadScope): Prisma.AppointmentWhereInput | undefined {
  if (scope.all) return undefined;
  const visible: Prisma.AppointmentWhereInput[] = [];
  if (scope.photographerUserId !== null) visible.push({ photographerUserId: scope.photographerUserId });
  if (scope.clientId !== null) visible.push({ order: { clientId: scope.clientId } });
  return visible.length > 0 ? { OR: visible } : { id: -1 };
}

function startsAtRange(input: ListInput): Prisma.DateTimeNullableFilter | undefined {
  const range: Prisma.DateTimeNullableFilter = {};
  if (input.startsFrom) range.gte = new Date(input.startsFrom);
  if (input.startsTo) range.lt = new Date(input.startsTo);
  // A local-date filter also bounds the instant, loosely, so the
  // (photographer|office, starts_at) indexes can serve it.
  if (input.dateFromLocal) {
    const bound = new Date(Date.parse(`${input.dateFromLocal}T00:00:00Z`) - MAX_ZONE_OFFSET_MS);
    if (!range.gte || bound > (range.gte as Date)) range.gte = bound;
  }
  if (input.dateToLocal) {
    const bound = new Date(Date.parse(`${input.dateToLocal}T00:00:00Z`) + DAY_MS + MAX_ZONE_OFFSET_MS);
    if (!range.lt || bound < (range.lt as Date)) range.lt = bound;
  }
  return Object.keys(range).length > 0 ? range : undefined;
}

function afterCursor(cursor: Cursor, descending: boolean, nullsPossible: boolean): Prisma.AppointmentWhereInput {
  const beyond = descending ? "lt" : "gt";
  if (cursor.startsAt === null) return { startsAt: null, id: { [beyond]: cursor.id } };
  const at = new Date(cursor.startsAt);
  const after: Prisma.AppointmentWhereInput[] = [{ startsAt: { [beyond]: at } }, { startsAt: at, id: { [beyond]: cursor.id } }];
  if (nullsPossible) after.push({ startsAt: null }); // unscheduled ones come last
  return { OR: after };
}

export async function listAppointments(db: Db, scope: ReadScope, input: ListInput) {
  if (input.dateFromLocal && input.dateToLocal && input.dateFromLocal > input.dateToLocal) {
    invalidParam("dateToLocal", "must not be before dateFromLocal", ["dateFromLocal", "dateToLocal"]);
  }
  const range = startsAtRange(input);
  const conditions: Prisma.AppointmentWhereInput[] = [];
  const visible = scopeFilter(scope);
  if (visible) conditions.push(visible);
  if (range) conditions.push({ startsAt: range });
  if (input.dateFromLocal || input.dateToLocal) {
    conditions.push({
      dateStartLocal: {
        ...(input.dateFromLocal ? { gte: fromIsoDate(input.dateFromLocal)! } : {}),
        ...(input.dateToLocal ? { lte: fromIsoDate(input.dateToLocal)! } : {}),
      },
    });
  }
  for (const key of ["photographerUserId", "officeId", "orderId", "confirmed", "cancelled", "readyToSchedule"] as const) {
    if (input[key] !== undefined) conditions.push({ [key]: input[key] });
  }
  if (input.search) conditions.push({ searchText: { contains: input.search.toLowerCase() } });
  const descending = input.sort === "-startsAt";
  if (input.cursor) conditions.push(afterCursor(decodeCursor(input.cursor), descending, range === undefined));

  const direction = descending ? "desc" : "asc";
  const rows = await db.appointment.findMany({
    where: { AND: conditions },
    orderBy: [{ startsAt: { sort: direction, nulls: "last" } }, { id: direction }],
    take: input.limit + 1,
    include: appointmentInclude,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    appointments: page.map(toAppointment),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor({ startsAt: last.startsAt?.toISOString() ?? null, id: last.id }) : null,
  };
}
