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

/** A user's address, when the user exists and has one. */
async function userRecipient(db: Db, userId: number | null): Promise<Recipient | null> {
  if (userId === null) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  return user?.email ? user : null;
}

/**
 * Who hears of an event: the order's client always; for a move or a
 * reassignment also the photographer (and the one it was taken from), where
 * they have an email. One address gets one email.
 */
export async function recipientsOf(db: Db, event: AppointmentEvent): Promise<Recipient[]> {
  const candidates = [await clientOf(db, event.appointment)];
  if (event.kind === "moved" || event.kind === "reassigned") {
    candidates.push(await userRecipient(db, event.appointment.photographerUserId));
  }
  if (event.kind === "reassigned") candidates.push(await userRecipient(db, event.previousPhotographerUserId));
  const unique = new Map<string, Recipient>();
  for (const recipient of candidates) if (recipient && !unique.has(recipient.email)) unique.set(recipient.email, recipient);
  return [...unique.values()];
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

export function appointmentEmail(event: AppointmentEvent, recipient: Recipient): { subject: string; text: string } {
  const { kind, appointment } = event;
  const what = appointment.summary ?? "Your photo appointment";
  const where = appointment.location ? `\nLocation: ${appointment.location}` : "";
  const body = (sentence: string) => `Hello ${recipient.name},\n\n${sentence}${where}\n\nAppointment ${appointment.uuid}`;
  switch (kind) {
    case "confirmed":
      return { subject: `Confirmed: ${what} ${when(appointment)}`, text: body(`${what} ${when(appointment)} is confirmed.`) };
    case "cancelled": {
      const reason = appointment.cancelReason ? `\nReason: ${appointment.cancelReason}` : "";
      return {
        subject: `Cancelled: ${what} ${when(appointment)}`,
        text: `Hello ${recipient.name},\n\n${what} ${when(appointment)} has been cancelled.${reason}${where}\n\nAppointment ${appointment.uuid}`,
      };
    }
    case "moved":
      return { subject: `Moved: ${what} now ${when(appointment)}`, text: body(`${what} has moved; it is now ${when(appointment)}.`) };
    case "reassigned": {
      const who = appointment.photographerName ? `${appointment.photographerName} is now the photographer` : "It has no photographer assigned at the moment";
      return { subject: `New photographer: ${what} ${when(appointment)}`, text: body(`${what} ${when(appointment)}: ${who}.`) };
    }
  }
}
