/**
 * Who is free for a slot: every photographer, grouped by their home office
 * (`employee_record.office_id`, the column the board's lanes are grouped by),
 * with the not-cancelled appointments of theirs that intersect
 * the slot. One query, so the picker costs one round trip however many
 * photographers there are.
 */
import { Prisma, type Db } from "@plano/db";
import type { Availability, AvailablePhotographer, Overlap } from "@plano/schema";
import type { ReadScope } from "../auth/principal";

interface Row {
  id: number;
  name: string;
  officeId: number | null;
  officeName: string | null;
  busy: { id: number; uuid: string; summary: string | null; startsAt: string; stopsAt: string; visible: boolean }[];
}

export async function photographerAvailability(
  db: Db,
  scope: ReadScope,
  slot: { startsAt: string; stopsAt: string; excludeId?: number },
): Promise<Availability> {
  const visible = scope.all
    ? Prisma.sql`true`
    : Prisma.sql`(a.photographer_user_id = ${scope.photographerUserId ?? -1}
                  OR a.order_id IN (SELECT id FROM "order" WHERE client_id = ${scope.clientId ?? -1}))`;
  // The overlap test is findPhotographerOverlaps' (store/overlaps.ts), for all
  // photographers at once: a shoot of at most a day that intersects the slot
  // starts within a day before it; the rare longer ones are read apart.
  const rows = await db.$queryRaw<Row[]>`
    WITH ph AS (
      SELECT u.id, u.name, e.office_id FROM "user" u JOIN employee_record e ON e.user_id = u.id WHERE e.is_photographer
    ), busy AS (
      SELECT a.id, a.uuid, a.summary, a.starts_at, a.stops_at, a.photographer_user_id, ${visible} AS visible
        FROM appointment a
       WHERE a.photographer_user_id IN (SELECT id FROM ph)
         AND ((NOT a.is_long AND a.starts_at >= ${slot.startsAt}::timestamptz - interval '24 hours' AND a.starts_at < ${slot.stopsAt}::timestamptz)
              OR (a.is_long AND a.starts_at < ${slot.stopsAt}::timestamptz))
         AND NOT a.cancelled AND a.stops_at > ${slot.startsAt}::timestamptz AND a.id <> ${slot.excludeId ?? -1}
    )
    SELECT ph.id, ph.name, ph.office_id AS "officeId", o.name AS "officeName",
           COALESCE(json_agg(json_build_object(
             'id', busy.id, 'uuid', busy.uuid, 'summary', busy.summary,
             'startsAt', busy.starts_at, 'stopsAt', busy.stops_at, 'visible', busy.visible
           ) ORDER BY busy.starts_at, busy.id) FILTER (WHERE busy.id IS NOT NULL), '[]') AS busy
      FROM ph
      LEFT JOIN office o ON o.id = ph.office_id
      LEFT JOIN busy ON busy.photographer_user_id = ph.id
     GROUP BY ph.id, ph.name, ph.office_id, o.name
     ORDER BY o.name NULLS LAST, ph.name, ph.id`;

  const groups = new Map<string, Availability["offices"][number]>();
  for (const row of rows) {
    const key = String(row.officeId);
    let group = groups.get(key);
    if (!group) {
      group = { officeId: row.officeId, officeName: row.officeName ?? "No home office", photographers: [] };
      groups.set(key, group);
    }
    const overlaps: Overlap[] = row.busy
      .filter((b) => b.visible)
      .map((b) => ({ id: b.id, uuid: b.uuid, summary: b.summary, startsAt: new Date(b.startsAt).toISOString(), stopsAt: new Date(b.stopsAt).toISOString() }));
    const photographer: AvailablePhotographer = {
      id: row.id,
      name: row.name,
      free: row.busy.length === 0,
      overlaps,
      hiddenOverlaps: row.busy.length - overlaps.length,
    };
    group.photographers.push(photographer);
  }
  return { offices: [...groups.values()] };
}
