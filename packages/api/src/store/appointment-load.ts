/**
 * Loading one appointment together with what every procedure on it needs: its
 * office's zone and its order's client (visibility), in one query.
 *
 * Prisma's `include` (without relation joins) ran one query per relation, and
 * this load is on the path of every read and write: the benchmark (bench/)
 * showed each extra round trip costing more server CPU than the work itself.
 * The row comes back in exactly the model's shape, so nothing downstream changes.
 */
import type { Db } from "@plano/db";
import type { AppointmentRow } from "../domain/appointment-record";
import { appointmentColumns, type AppointmentScalars } from "./appointment-columns";
import { rows, sql } from "./client";

export type LoadedAppointment = AppointmentRow & { order: { clientId: number | null } | null };

type LoadRow = AppointmentScalars & { officeTimeZone: string; orderClientId: number | null };

const select = sql`
    SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone", ord.client_id AS "orderClientId"
      FROM appointment a
      JOIN office o ON o.id = a.office_id
      LEFT JOIN "order" ord ON ord.id = a.order_id`;

/** The texts, built once: this runs on every request for one appointment, and the same string object is found at once among the prepared statements. */
const byId = sql`${select} WHERE a.id = ${0}`.text;
const byUuid = sql`${select} WHERE a.uuid = ${""}::uuid`.text;

export async function loadAppointment(db: Db, ref: { id: number } | { uuid: string }): Promise<LoadedAppointment | null> {
  const [row] = await rows<LoadRow>(db, "id" in ref ? { text: byId, values: [ref.id] } : { text: byUuid, values: [ref.uuid] });
  if (!row) return null;
  // `withOffice`, then without orderClientId, then with `order`, in one copy of the ~55 columns instead of three:
  // this runs on every request for one appointment (bench/, issue 13). Same keys, same order.
  const { officeTimeZone, orderClientId } = row;
  const loaded: Record<string, unknown> = {};
  for (const key in row) if (key !== "officeTimeZone" && key !== "orderClientId") loaded[key] = row[key as keyof LoadRow];
  loaded.office = { timeZone: officeTimeZone };
  loaded.order = row.orderId === null ? null : { clientId: orderClientId };
  return loaded as LoadedAppointment;
}
