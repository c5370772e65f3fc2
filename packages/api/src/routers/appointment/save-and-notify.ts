import type { AppointmentPatch, AppointmentResult } from "@plano/schema";
import { canConfirm } from "../../auth/principal";
import type { Context } from "../../context";
import { toAppointment, type AppointmentRow } from "../../domain/appointment-record";
import { updateAppointment } from "./appointment-writes";
import { appointmentEvents } from "../../domain/mail";
import { fail } from "../../errors";
import { writeContext } from "./write-context";

type AppointmentContext = Context & Parameters<typeof writeContext>[0] & { appointment: AppointmentRow };

/**
 * Setting `confirmed` or `cancelled` is confirming or cancelling, whichever
 * door it comes through (the confirm and cancel procedures, or an update
 * from FileMaker or the admin's checkbox): the same permissions apply.
 */
function checkStatusChange(ctx: AppointmentContext, patch: AppointmentPatch): void {
  const { appointment, principal } = ctx;
  if (patch.confirmed === true && !appointment.confirmed && !canConfirm(principal, appointment)) {
    const why = principal.permissions.has("appointments:confirm")
      ? "Photographers may confirm only their own appointments."
      : `The ${principal.roles.join("/") || "caller"} role of ${principal.application} may not confirm appointments (needs appointments:confirm).`;
    fail("forbidden", why, { field: "confirmed", fields: ["confirmed"] });
  }
  if (patch.cancelled === true && !appointment.cancelled && !principal.permissions.has("appointments:cancel")) {
    fail(
      "forbidden",
      `The ${principal.roles.join("/") || "caller"} role of ${principal.application} may not cancel appointments (needs appointments:cancel).`,
      {
        field: "cancelled",
        fields: ["cancelled"],
      },
    );
  }
}

/**
 * Writes the patch, then emails whoever the change concerns (`appointmentEvents`):
 * ONE path for update, confirm and cancel, so the stamps and the emails are the
 * same whichever was called. If an email fails, the change stands; the caller
 * learns it failed (`email-failed`), with the saved record.
 */
export async function saveAndNotify(
  ctx: AppointmentContext,
  patch: AppointmentPatch,
  updatedAtMt: string | undefined,
  action: string,
): Promise<AppointmentResult> {
  checkStatusChange(ctx, patch);
  const before = toAppointment(ctx.appointment);
  const result = await updateAppointment(writeContext(ctx), ctx.appointment, patch, updatedAtMt, action, before);
  if (!ctx.mailer) return result;
  const failures: unknown[] = [];
  for (const event of appointmentEvents(before, result.appointment)) {
    try {
      await ctx.mailer.appointmentEvent(ctx.db, event);
    } catch (error) {
      console.error(`[${ctx.requestId ?? "-"}] ${event.kind} email for appointment ${result.appointment.id} failed:`, error);
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    return fail("email-failed", "The change was saved, but an email about it could not be sent; it will be retried.", {
      saved: result.appointment,
    });
  }
  return result;
}
