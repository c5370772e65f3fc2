/**
 * Photographer double-bookings: other, not-cancelled appointments of the same
 * photographer whose [start, stop) intersects this one. A warning, not a
 * block: schedulers sometimes book back-to-back shoots on purpose.
 */
import type { Db } from "@plano/db";
import type { Overlap } from "@plano/schema";
import type { ReadScope } from "../auth/principal";
import { scopeCondition } from "../domain/appointment-reads";
import { rows, sql, type Sql } from "./client";

export interface Slot {
  photographerUserId: number | null;
  startsAt: string | null;
  stopsAt: string | null;
  /** The appointment itself, never its own overlap. */
  excludeId?: number;
}

/** A slot that can overlap anything: a photographer, a start and a stop. */
type DatedSlot = Slot & { photographerUserId: number; startsAt: string; stopsAt: string };

export const isDatedSlot = (slot: Slot): slot is DatedSlot => slot.photographerUserId !== null && Boolean(slot.startsAt) && Boolean(slot.stopsAt);

/**
 * The overlaps of `slot` as a SELECT of (id, uuid, summary, "startsAt",
 * "stopsAt"), earliest first: run on its own (findPhotographerOverlaps) or
 * inside an update's statement (appointment-write.ts).
 *
 * Only appointments `scope` may read are returned (docs/permissions.md): an
 * overlap names another appointment's id, times and summary, so a photographer
 * or client asking about someone else's slot learns nothing they could not list.
 *
 * An appointment of at most a day that overlaps [start, stop) starts within a
 * day before `start`, so that range of the (photographer_user_id, is_long,
 * starts_at) index holds all of them; the rare longer ones are read apart.
 * Unbounded, the scan walked the photographer's whole history (20-600 ms per
 * write at 1M rows).
 */
export function overlapSelect(slot: DatedSlot, scope: ReadScope, limit = 20): Sql {
  const visible = scopeCondition(scope) ?? sql`true`;
  return sql`
    SELECT a.id, a.uuid, a.summary, a.starts_at AS "startsAt", a.stops_at AS "stopsAt" FROM (
      SELECT id, uuid, summary, starts_at, stops_at, cancelled, photographer_user_id, order_id FROM appointment
       WHERE photographer_user_id = ${slot.photographerUserId} AND NOT is_long
         AND starts_at >= ${slot.startsAt}::timestamptz - interval '24 hours' AND starts_at < ${slot.stopsAt}::timestamptz
      UNION ALL
      SELECT id, uuid, summary, starts_at, stops_at, cancelled, photographer_user_id, order_id FROM appointment
       WHERE photographer_user_id = ${slot.photographerUserId} AND is_long AND starts_at < ${slot.stopsAt}::timestamptz
    ) a
     WHERE NOT a.cancelled AND a.stops_at > ${slot.startsAt}::timestamptz AND a.id <> ${slot.excludeId ?? -1} AND ${visible}
     ORDER BY a.starts_at, a.id
     LIMIT ${limit}`;
}

/** Other appointments of the slot's photographer at the same time, that `scope` may read. */
export async function findPhotographerOverlaps(db: Db, slot: Slot, scope: ReadScope, limit = 20): Promise<Overlap[]> {
  if (!isDatedSlot(slot)) return [];
  // Raw SQL: this runs after every create, and Prisma's query builder cost more than the query itself (bench/).
  const found = await rows<{ id: number; uuid: string; summary: string | null; startsAt: Date; stopsAt: Date }>(db, overlapSelect(slot, scope, limit));
  return found.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), stopsAt: row.stopsAt.toISOString() }));
}
