/**
 * Writing appointments: one transaction per write holding the row change and
 * its audit entry. Updates are a compare-and-set on `updated_at`, decided by
 * the database, so concurrent writers cannot lose each other's changes.
 */
import type { Prisma, Tx } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import {
  appointmentInclude,
  dateKeys,
  fromIsoDate,
  fromIsoTime,
  timeKeys,
  toAppointment,
  type AppointmentRow,
} from "./appointment-record";
import { diffStates, type AppointmentState, type FieldChanges } from "./appointment-state";

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
      createdAt: audit.now,
      updatedAt: audit.now,
    },
    include: appointmentInclude,
  });
  await recordChange(tx, row.id, "create", diffStates(null, state), audit);
  return row;
}

export type UpdateOutcome = { ok: true; row: AppointmentRow; changes: FieldChanges } | { ok: false };

/**
 * Writes `next` over the row if it is still at `expectedVersion`. The new
 * version is strictly later than the old one even if the clock is not.
 */
export async function updateAppointmentIfUnchanged(
  tx: Tx,
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
  const version = new Date(Math.max(audit.now.getTime(), expectedVersion.getTime() + 1));
  const [row] = await tx.appointment.updateManyAndReturn({
    where: { id, updatedAt: expectedVersion },
    data: {
      ...(toColumns(next, changedKeys) as Prisma.AppointmentUncheckedUpdateManyInput),
      searchText: searchTextOf(next),
      updatedAt: version,
    },
    include: appointmentInclude,
  });
  if (!row) return { ok: false };
  await recordChange(tx, id, action, changes, audit);
  return { ok: true, row, changes };
}

