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
  const rows = await db.appointment.findMany({
    where: {
      photographerUserId: slot.photographerUserId,
      cancelled: false,
      startsAt: { lt: new Date(slot.stopsAt) },
      stopsAt: { gt: new Date(slot.startsAt) },
      ...(slot.excludeId !== undefined ? { id: { not: slot.excludeId } } : {}),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, uuid: true, summary: true, startsAt: true, stopsAt: true },
  });
  return rows.map((row) => ({
    ...row,
    startsAt: row.startsAt?.toISOString() ?? null,
    stopsAt: row.stopsAt?.toISOString() ?? null,
  }));
}
