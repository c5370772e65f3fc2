/**
 * Writing appointments: every write holds the row change and its audit entry
 * in one transaction. Updates are a compare-and-set on `updated_at`, decided
 * by the database, so concurrent writers cannot lose each other's changes.
 */
import { Prisma, type Db, type Tx } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import {
  appointmentInclude,
  dateKeys,
  fromIsoDate,
  fromIsoTime,
  timeKeys,
  type AppointmentRow,
} from "./appointment-record";
import { appointmentColumns, columnOf, type AppointmentScalars } from "./appointment-sql";
import { diffStates, type AppointmentState, type FieldChanges } from "./appointment-state";
import { nextVersion } from "./versions";

const dateKeySet = new Set<string>(dateKeys);
const timeKeySet = new Set<string>(timeKeys);
const instantKeys = new Set(["confirmedAt", "startsAt", "stopsAt"]);
const notStored = new Set(["officeTimeZone"]);

/** Lower-cased text the free-text search matches against (trigram-indexed). */
export function searchTextOf(state: Pick<AppointmentState, "summary" | "location" | "notes" | "photographerName">): string {
  return [state.summary, state.location, state.notes, state.photographerName]
    .filter((part): part is string => Boolean(part))
    .join("\n")
    .toLowerCase();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the appointment lasts more than a day: such rare ones are looked up apart when checking overlaps. */
export function isLongOf(state: Pick<AppointmentState, "startsAt" | "stopsAt">): boolean {
  if (!state.startsAt || !state.stopsAt) return false;
  return Date.parse(state.stopsAt) - Date.parse(state.startsAt) > DAY_MS;
}

/** Column values for the given API fields. */
function toColumns(state: AppointmentState, keys: Iterable<string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of keys) {
    if (notStored.has(key)) continue;
    const value = (state as Record<string, unknown>)[key];
    if (dateKeySet.has(key)) data[key] = fromIsoDate(value as string | null);
    else if (timeKeySet.has(key)) data[key] = fromIsoTime(value as string | null);
    else if (instantKeys.has(key)) data[key] = value === null ? null : new Date(value as string);
    else data[key] = value;
  }
  return data;
}

export interface AuditContext {
  actor: string;
  actorUserId: number | null;
  application: string | null;
  channel: ChangeChannel;
  now: Date;
}

async function recordChange(tx: Tx, appointmentId: number, action: string, changes: FieldChanges, audit: AuditContext) {
  await tx.appointmentChange.create({
    data: {
      appointmentId,
      action,
      actor: audit.actor,
      actorUserId: audit.actorUserId,
      application: audit.application,
      channel: audit.channel,
      at: audit.now,
      changes: changes as Prisma.InputJsonValue,
    },
  });
}

export async function insertAppointment(tx: Tx, state: AppointmentState, audit: AuditContext): Promise<AppointmentRow> {
  const row = await tx.appointment.create({
    data: {
      ...(toColumns(state, Object.keys(state)) as Prisma.AppointmentUncheckedCreateInput),
      searchText: searchTextOf(state),
      isLong: isLongOf(state),
      createdAt: audit.now,
      updatedAt: audit.now,
    },
    include: appointmentInclude,
  });
  await recordChange(tx, row.id, "create", diffStates(null, state), audit);
  return row;
}

export type UpdateOutcome = { ok: true; row: AppointmentRow; changes: FieldChanges } | { ok: false };

/** `"column" = value` for each field in `keys`; Postgres types each value from its column. */
function assignments(state: AppointmentState, keys: Iterable<string>): Prisma.Sql[] {
  const sets: Prisma.Sql[] = [];
  for (const key of keys) {
    if (notStored.has(key)) continue;
    // Dates, times and instants are already ISO strings in the state: no zone can creep in.
    sets.push(Prisma.sql`${Prisma.raw(`"${columnOf(key)}"`)} = ${(state as Record<string, unknown>)[key]}`);
  }
  return sets;
}

/**
 * Writes `next` over the row if it is still at `expectedVersion`, and its
 * audit entry with it. The new version is in a later second than the old one
 * even if the clock is not (see versions.ts).
 *
 * One statement does both: the UPDATE is the compare-and-set (under
 * concurrency Postgres re-checks `updated_at` on the locked row, so of two
 * writers with the same version exactly one matches), and the INSERT takes
 * its row from the UPDATE's result, so an entry exists exactly when the write
 * happened, atomically. One round trip instead of BEGIN, UPDATE, INSERT,
 * COMMIT through an interactive transaction (see bench/).
 */
export async function updateAppointmentIfUnchanged(
  db: Db | Tx,
  id: number,
  expectedVersion: Date,
  before: AppointmentState,
  next: AppointmentState,
  action: string,
  audit: AuditContext,
): Promise<UpdateOutcome> {
  const changes = diffStates(before, next);
  const changedKeys = new Set(Object.keys(changes));
  for (const key of ["startsAt", "stopsAt"] as const) if (before[key] !== next[key]) changedKeys.add(key);
  const version = nextVersion(expectedVersion, audit.now);
  const sets = [
    ...assignments(next, changedKeys),
    Prisma.sql`search_text = ${searchTextOf(next)}`,
    Prisma.sql`is_long = ${isLongOf(next)}`,
    Prisma.sql`updated_at = ${version.toISOString()}::timestamptz`,
  ];
  const [updated] = await db.$queryRaw<AppointmentScalars[]>`
    WITH updated AS (
      UPDATE appointment a SET ${Prisma.join(sets)}
       WHERE a.id = ${id} AND a.updated_at = ${expectedVersion.toISOString()}::timestamptz
      RETURNING ${appointmentColumns}
    ), audit AS (
      INSERT INTO appointment_change (appointment_id, action, actor, actor_user_id, application, channel, at, changes)
      SELECT "id", ${action}::text, ${audit.actor}::text, ${audit.actorUserId}::int, ${audit.application}::text,
             ${audit.channel}::change_channel, ${audit.now.toISOString()}::timestamptz, ${JSON.stringify(changes)}::jsonb
        FROM updated
    )
    SELECT * FROM updated`;
  if (!updated) return { ok: false };
  // The office's zone is already in `next` (planned from the office the row now has): no query for it.
  return { ok: true, row: { ...updated, office: { timeZone: next.officeTimeZone } }, changes };
}
