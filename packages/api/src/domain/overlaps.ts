/**
 * Photographer double-bookings: other, not-cancelled appointments of the same
 * photographer whose [start, stop) intersects this one. A warning, not a
 * block: schedulers sometimes book back-to-back shoots on purpose.
 */
import type { Db, Tx } from "@plano/db";
import type { Overlap } from "@plano/schema";

export interface Slot {
  photographerUserId: number | null;
  startsAt: string | null;
  stopsAt: string | null;
  /** The appointment itself, never its own overlap. */
  excludeId?: number;
}

export async function findPhotographerOverlaps(db: Db | Tx, slot: Slot, limit = 20): Promise<Overlap[]> {
  if (slot.photographerUserId === null || !slot.startsAt || !slot.stopsAt) return [];
  // Raw SQL: this runs after every write, and Prisma's query builder cost more
  // than the query itself (bench/). Served by (photographer_user_id, starts_at, id),
  // but only `starts_at < stop` bounds the scan (no duration limit is known), so it
  // walks the photographer's whole history before the slot: at 1M seeded rows
  // (~20k per photographer) that is 20-600 ms and dominates every write. A range
  // index (GiST on photographer_user_id + tstzrange(starts_at, stops_at)) would fix it.
  const rows = await db.$queryRaw<{ id: number; uuid: string; summary: string | null; startsAt: Date; stopsAt: Date }[]>`
    SELECT id, uuid, summary, starts_at AS "startsAt", stops_at AS "stopsAt"
      FROM appointment
     WHERE photographer_user_id = ${slot.photographerUserId} AND NOT cancelled
       AND starts_at < ${slot.stopsAt}::timestamptz AND stops_at > ${slot.startsAt}::timestamptz
       AND id <> ${slot.excludeId ?? -1}
     ORDER BY starts_at, id
     LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, startsAt: row.startsAt.toISOString(), stopsAt: row.stopsAt.toISOString() }));
}
