/**
 * The email a client gets when an appointment of their order is confirmed or
 * cancelled: who gets it (Order → ClientRecord → User) and what it says.
 */
import type { Db } from "@plano/db";
import type { Appointment } from "@plano/schema";
import type { AppointmentEvent } from "../domain/mail";

export interface Recipient {
  email: string;
  name: string;
}

/** The order's client, or null when the appointment has no order or the order no client. */
export async function clientOf(db: Db, appointment: Pick<Appointment, "orderId">): Promise<Recipient | null> {
  if (appointment.orderId === null) return null;
  const order = await db.order.findUnique({
    where: { id: appointment.orderId },
    select: { client: { select: { user: { select: { email: true, name: true } } } } },
  });
  return order?.client?.user ?? null;
}

/** "on 2026-07-01 at 10:00 (America/Denver)", in the shoot's local time, as the client will live it. */
function when(appointment: Appointment): string {
  if (appointment.dateStartLocal === null) return "(date to be scheduled)";
  const time = appointment.allday || appointment.timeStartLocal === null ? "" : ` at ${appointment.timeStartLocal.slice(0, 5)}`;
  return `on ${appointment.dateStartLocal}${time} (${appointment.timeZoneLocal})`;
}

export function appointmentEmail({ kind, appointment }: AppointmentEvent, recipient: Recipient): { subject: string; text: string } {
  const what = appointment.summary ?? "Your photo appointment";
  const where = appointment.location ? `\nLocation: ${appointment.location}` : "";
  if (kind === "confirmed") {
    return {
      subject: `Confirmed: ${what} ${when(appointment)}`,
      text: `Hello ${recipient.name},\n\n${what} ${when(appointment)} is confirmed.${where}\n\nAppointment ${appointment.uuid}`,
    };
  }
  const reason = appointment.cancelReason ? `\nReason: ${appointment.cancelReason}` : "";
  return {
    subject: `Cancelled: ${what} ${when(appointment)}`,
    text: `Hello ${recipient.name},\n\n${what} ${when(appointment)} has been cancelled.${reason}${where}\n\nAppointment ${appointment.uuid}`,
  };
}
