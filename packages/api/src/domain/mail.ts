import type { Db } from "@plano/db";
import type { Appointment } from "@plano/schema";

export type AppointmentEvent = { kind: "confirmed" | "cancelled"; appointment: Appointment };

/**
 * Tells the order's client about a confirmation or cancellation. Called after
 * the change is committed: a failure here never undoes the change. It throws
 * when the email could not be sent now (it stays queued for a retry).
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
