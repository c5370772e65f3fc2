import { cancelAppointmentInput } from "@plano/schema";
import { toAppointment } from "../../domain/appointment-record";
import { appointmentProcedure } from "../../trpc";
import { saveAndNotify } from "./save-and-notify";

export const cancel = appointmentProcedure("appointments:cancel")
  .input(cancelAppointmentInput)
  .mutation(async ({ ctx, input }) => {
    // Cancelling twice is a no-op (FileMaker retries requests that timed out).
    if (ctx.appointment.cancelled) return { appointment: toAppointment(ctx.appointment), warnings: [] };
    const patch = {
      cancelled: true,
      cancelReason: input.reason,
      ...(input.onSiteCancel !== undefined ? { onSiteCancel: input.onSiteCancel } : {}),
      ...(input.sameDayCancel !== undefined ? { sameDayCancel: input.sameDayCancel } : {}),
    };
    return saveAndNotify(ctx, patch, input.updatedAtMt, "cancel");
  });
