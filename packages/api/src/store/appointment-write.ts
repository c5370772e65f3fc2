/**
 * Writing appointments: every write holds the row change and its audit entry
 * in one transaction. Updates are a compare-and-set on `updated_at`, decided
 * by the database, so concurrent writers cannot lose each other's changes.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import type { AppointmentRow } from "../domain/appointment-record";
import { diffStates, type AppointmentState, type FieldChanges } from "../domain/appointment-state";
import { nextVersion } from "../domain/versions";
import type { Overlap } from "@plano/schema";
import type { ReadScope } from "../auth/principal";
import { appointmentColumns, columnOf, type AppointmentScalars } from "./appointment-columns";
import { join, raw, rows, sql, type Sql } from "./client";
import { isDatedSlot, overlapSelect } from "./overlaps";

const notStored = new Set(["officeTimeZone"]);

/** Lower-cased text the free-text search matches against (trigram-indexed). */
function searchTextOf(state: Pick<AppointmentState, "summary" | "location" | "notes" | "photographerName">): string {
  return [state.summary, state.location, state.notes, state.photographerName]
    .filter((part): part is string => Boolean(part))
    .join("\n")
    .toLowerCase();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the appointment lasts more than a day: such rare ones are looked up apart when checking overlaps. */
function isLongOf(state: Pick<AppointmentState, "startsAt" | "stopsAt">): boolean {
  if (!state.startsAt || !state.stopsAt) return false;
  return Date.parse(state.stopsAt) - Date.parse(state.startsAt) > DAY_MS;
}

export interface AuditContext {
  actor: string;
  actorUserId: number | null;
  application: string | null;
  channel: ChangeChannel;
  now: Date;
}

/**
 * The stored columns and values for the API fields in `keys`, plus the derived
 * ones. Dates, times and instants are ISO strings in the state already, and
 * Postgres types each value from its column: no zone can creep in. The one
 * place inserts and updates get their columns from.
 */
function columnsOf(state: AppointmentState, keys: Iterable<string>): { columns: Sql[]; values: unknown[] } {
  const columns: Sql[] = [];
  const values: unknown[] = [];
  for (const key of keys) {
    if (notStored.has(key)) continue;
    columns.push(raw(`"${columnOf(key)}"`));
    values.push((state as Record<string, unknown>)[key]);
  }
  columns.push(raw("search_text"), raw("is_long"));
  values.push(searchTextOf(state), isLongOf(state));
  return { columns, values };
}

/** The audit entry of the row the statement wrote (`written`), in the same statement: it exists exactly when the row does. */
function auditOf(action: string, changes: FieldChanges, audit: AuditContext): Sql {
  return sql`
    INSERT INTO appointment_change (appointment_id, action, actor, actor_user_id, application, channel, at, changes)
    SELECT "id", ${action}::text, ${audit.actor}::text, ${audit.actorUserId}::int, ${audit.application}::text,
           ${audit.channel}::change_channel, ${audit.now.toISOString()}::timestamptz, ${JSON.stringify(changes)}::jsonb
      FROM written`;
}

/** A retried create's key: the same key from the same caller names this appointment. */
interface IdempotencyRecord {
  principal: string;
  key: string;
}

/**
 * Inserts the appointment, its audit entry and (if given) its idempotency key
 * in one statement, so one transaction without a round trip for BEGIN and
 * COMMIT. A key already used fails the whole statement (unique violation,
 * `isUniqueViolation`): nothing is written.
 */
export async function insertAppointment(db: Db, state: AppointmentState, audit: AuditContext, idempotency?: IdempotencyRecord): Promise<AppointmentRow> {
  const { columns, values } = columnsOf(state, Object.keys(state));
  const now = audit.now.toISOString();
  const keyInsert = idempotency
    ? sql`, key AS (
        INSERT INTO idempotency_key (principal, key, appointment_id) SELECT ${idempotency.principal}::text, ${idempotency.key}::text, "id" FROM written
      )`
    : sql``;
  const [inserted] = await rows<AppointmentScalars>(
    db,
    sql`
    WITH written AS (
      INSERT INTO appointment AS a (uuid, ${join(columns)}, created_at, updated_at)
      VALUES (${randomUUID()}::uuid, ${join(values)}, ${now}::timestamptz, ${now}::timestamptz)
      RETURNING ${appointmentColumns}
    ), audit AS (${auditOf("create", diffStates(null, state), audit)})${keyInsert}
    SELECT * FROM written`,
  );
  return { ...inserted!, office: { timeZone: state.officeTimeZone } };
}

/** Whether a write failed on a unique constraint (an idempotency key used twice). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "23505";

/** `overlaps`: the written appointment's photographer overlaps (findPhotographerOverlaps), when asked for. */
type UpdateOutcome = { ok: true; row: AppointmentRow; changes: FieldChanges; overlaps: Overlap[] } | { ok: false };

/** An overlap as json_agg writes it: instants in Postgres' JSON spelling ("…+00:00"). */
type OverlapJson = Omit<Overlap, "startsAt" | "stopsAt"> & { startsAt: string; stopsAt: string };

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
 *
 * With `overlapScope`, the same statement also reads the written
 * appointment's photographer overlaps that scope may see (the warning every
 * write answers with): one round trip fewer per update, which on the embedded
 * database is a fifth of a write's cost (issue 13). The statement reads the
 * other appointments as they were when it started, as the separate query,
 * run just after, read them; the appointment itself is never its own overlap.
 */
export async function updateAppointmentIfUnchanged(
  db: Db,
  id: number,
  expectedVersion: Date,
  before: AppointmentState,
  next: AppointmentState,
  action: string,
  audit: AuditContext,
  overlapScope?: ReadScope,
): Promise<UpdateOutcome> {
  const changes = diffStates(before, next);
  const changedKeys = new Set(Object.keys(changes));
  for (const key of ["startsAt", "stopsAt"] as const) if (before[key] !== next[key]) changedKeys.add(key);
  const version = nextVersion(expectedVersion, audit.now);
  const { columns, values } = columnsOf(next, changedKeys);
  const sets = columns.map((column, i) => sql`${column} = ${values[i]}`);
  const slot = { ...next, excludeId: id };
  const overlaps =
    overlapScope && !next.cancelled && isDatedSlot(slot)
      ? sql`, (SELECT coalesce(json_agg(o ORDER BY o."startsAt", o.id), '[]'::json) FROM (${overlapSelect(slot, overlapScope)}) o) AS "overlaps"`
      : sql``;
  const [written] = await rows<AppointmentScalars & { overlaps?: OverlapJson[] }>(
    db,
    sql`
    WITH written AS (
      UPDATE appointment a SET ${join(sets)}, updated_at = ${version.toISOString()}::timestamptz
       WHERE a.id = ${id} AND a.updated_at = ${expectedVersion.toISOString()}::timestamptz
      RETURNING ${appointmentColumns}
    ), audit AS (${auditOf(action, changes, audit)})
    SELECT written.*${overlaps} FROM written`,
  );
  if (!written) return { ok: false };
  const { overlaps: found = [], ...updated } = written;
  // The office's zone is already in `next` (planned from the office the row now has): no query for it.
  return {
    ok: true,
    row: { ...updated, office: { timeZone: next.officeTimeZone } },
    changes,
    overlaps: found.map((overlap) => ({ ...overlap, startsAt: new Date(overlap.startsAt).toISOString(), stopsAt: new Date(overlap.stopsAt).toISOString() })),
  };
}
