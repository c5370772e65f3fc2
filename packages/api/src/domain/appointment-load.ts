/**
 * Loading one appointment together with what every procedure on it needs: its
 * office's zone and its order's client (visibility), in one query.
 *
 * Prisma's `include` (without relation joins) runs one query per relation, and
 * this load is on the path of every read and write: the benchmark (bench/)
 * showed each extra round trip costing more server CPU than the work itself.
 * The raw query returns exactly the model's shape, so nothing downstream changes.
 */
import { Prisma, type Db, type Tx } from "@plano/db";
import type { AppointmentRow } from "./appointment-record";
import { appointmentColumns, withOffice, type AppointmentScalars } from "./appointment-sql";

export type LoadedAppointment = AppointmentRow & { order: { clientId: number | null } | null };

type RawRow = AppointmentScalars & { officeTimeZone: string; orderClientId: number | null };

export async function loadAppointment(db: Db | Tx, ref: { id: number } | { uuid: string }): Promise<LoadedAppointment | null> {
  const where = "id" in ref ? Prisma.sql`a.id = ${ref.id}` : Prisma.sql`a.uuid = ${ref.uuid}::uuid`;
  const [row] = await db.$queryRaw<RawRow[]>`
    SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone", ord.client_id AS "orderClientId"
      FROM appointment a
      JOIN office o ON o.id = a.office_id
      LEFT JOIN "order" ord ON ord.id = a.order_id
     WHERE ${where}`;
  if (!row) return null;
  const { orderClientId, ...appointment } = withOffice(row);
  return { ...appointment, order: appointment.orderId === null ? null : { clientId: orderClientId } };
}
