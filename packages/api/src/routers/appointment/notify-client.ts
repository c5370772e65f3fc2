import type { AppointmentResult } from "@plano/schema";
import type { Context } from "../../context";
import type { AppointmentEvent } from "../../domain/mail";
import { fail } from "../../errors";

/**
 * Emails the client after a committed confirm/cancel. If sending fails, the
 * change stands; the caller learns the email failed, with the saved record.
 */
export async function notifyClient(ctx: Context, kind: AppointmentEvent["kind"], result: AppointmentResult) {
  if (!ctx.mailer) return result;
  try {
    await ctx.mailer.appointmentEvent(ctx.db, { kind, appointment: result.appointment });
  } catch (error) {
    console.error(`[${ctx.requestId ?? "-"}] client email for appointment ${result.appointment.id} failed:`, error);
    return fail("email-failed", "The change was saved, but the client email could not be sent; it will be retried.", {
      saved: result.appointment,
    });
  }
  return result;
}
