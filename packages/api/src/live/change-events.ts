/**
 * Change events read from the audit log: the entry (who, through which door,
 * which fields, with their before values) and the appointment as it is now.
 * The audit table is also the replay log a reconnecting subscriber resumes
 * from, so it misses nothing that committed while it was away.
 */
import { Prisma, type Db } from "@plano/db";
import type { Appointment } from "@plano/schema";
import { toAppointment } from "../domain/appointment-record";
import { appointmentColumns, withOffice, type AppointmentScalars } from "../store/appointment-columns";

export interface StoredChange {
  id: number;
  appointmentId: number;
  action: string;
  actor: string;
  actorUserId: number | null;
  channel: string;
  fields: string[];
  /** Before values of the fields a subscription filters on, where this change altered them. */
  before: { officeId?: number; photographerUserId?: number | null; dateStartLocal?: string | null; dateStartOffice?: string | null };
  /** The record now; null if it no longer exists. */
  appointment: Appointment | null;
  /** The client of the record's order, for client visibility. */
  orderClientId: number | null;
}

type Row = {
  changeId: number;
  changeAppointmentId: number;
  action: string;
  actor: string;
  actorUserId: number | null;
  channel: string;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  orderClientId: number | null;
  officeTimeZone: string | null;
} & Partial<AppointmentScalars>;

const filterKeys = ["officeId", "photographerUserId", "dateStartLocal", "dateStartOffice"] as const;

function toStoredChange(row: Row): StoredChange {
  const before: StoredChange["before"] = {};
  for (const key of filterKeys) {
    if (key in row.changes) (before as Record<string, unknown>)[key] = row.changes[key]?.before ?? null;
  }
  const appointment =
    row.id !== undefined && row.id !== null && row.officeTimeZone
      ? toAppointment(withOffice({ ...(row as AppointmentScalars & { officeTimeZone: string }) }))
      : null;
  return {
    id: row.changeId,
    appointmentId: row.changeAppointmentId,
    action: row.action,
    actor: row.actor,
    actorUserId: row.actorUserId,
    channel: row.channel,
    fields: Object.keys(row.changes),
    before,
    appointment,
    orderClientId: row.orderClientId,
  };
}

function select(where: Prisma.Sql, limit: number) {
  return Prisma.sql`
    SELECT c.id AS "changeId", c.appointment_id AS "changeAppointmentId", c.action, c.actor,
           c.actor_user_id AS "actorUserId", c.channel::text AS channel, c.changes,
           ${appointmentColumns}, o.time_zone AS "officeTimeZone", ord.client_id AS "orderClientId"
      FROM appointment_change c
      LEFT JOIN appointment a ON a.id = c.appointment_id
      LEFT JOIN office o ON o.id = a.office_id
      LEFT JOIN "order" ord ON ord.id = a.order_id
     WHERE ${where}
     ORDER BY c.id
     LIMIT ${limit}`;
}

/** The entries with these ids (one query for a burst of notifications), in id order. */
export async function loadChanges(db: Db, ids: readonly number[]): Promise<StoredChange[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<Row[]>(select(Prisma.sql`c.id = ANY(${[...ids]}::int[])`, ids.length));
  return rows.map(toStoredChange);
}

/** Entries after `afterId`, oldest first, at most `limit` (the primary key serves it). */
export async function loadChangesAfter(db: Db, afterId: number, limit: number): Promise<StoredChange[]> {
  const rows = await db.$queryRaw<Row[]>(select(Prisma.sql`c.id > ${afterId}`, limit));
  return rows.map(toStoredChange);
}

/** The newest entry's id: where a client that has just read the board resumes from. */
export async function latestChangeId(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ id: number | null }[]>`SELECT max(id) AS id FROM appointment_change`;
  return row?.id ?? 0;
}
