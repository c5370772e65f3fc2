import type { Db } from "@plano/db";
import type { Appointment } from "@plano/schema";
import type { AppointmentState } from "./appointment-state";

/**
 * What the people of an appointment are told about: confirming and cancelling
 * (the order's client), moving it to another date or time and reassigning it
 * (the client, and the photographers concerned where they have an email).
 */
export type AppointmentEvent =
  | { kind: "confirmed" | "cancelled" | "moved"; appointment: Appointment }
  | { kind: "reassigned"; appointment: Appointment; previousPhotographerUserId: number | null };

/**
 * THE rule for which emails a write sends, whichever door it came through
 * (the confirm and cancel procedures, an update setting `confirmed` or
 * `cancelled`, the admin's form): the events between the state before and
 * the appointment after.
 */
export function appointmentEvents(before: AppointmentState, after: Appointment): AppointmentEvent[] {
  const events: AppointmentEvent[] = [];
  if (after.confirmed && !before.confirmed) events.push({ kind: "confirmed", appointment: after });
  if (after.cancelled && !before.cancelled) events.push({ kind: "cancelled", appointment: after });
  // A cancelled appointment is not moved or reassigned for anyone: its cancellation says it all.
  if (after.cancelled) return events;
  const moved =
    before.startsAt !== after.startsAt || before.stopsAt !== after.stopsAt || before.allday !== after.allday || before.dateStartLocal !== after.dateStartLocal;
  if (moved) events.push({ kind: "moved", appointment: after });
  if (before.photographerUserId !== after.photographerUserId) {
    events.push({ kind: "reassigned", appointment: after, previousPhotographerUserId: before.photographerUserId });
  }
  return events;
}

/**
 * Sends those emails. Called after the change is committed: a failure here
 * never undoes the change. It throws when an email could not be sent now (it
 * stays queued for a retry).
 */
export interface AppointmentMailer {
  appointmentEvent(db: Db, event: AppointmentEvent): Promise<void>;
  /**
   * One attempt now at a queued email (an admin's "retry"): undefined when
   * there is no such email; `busy` when another attempt holds it right now.
   */
  resend(db: Db, outboxEmailId: number): Promise<ResendOutcome | undefined>;
}

export type ResendOutcome = { ok: true; status: string } | { ok: false; error: Error } | { ok: false; busy: true };
