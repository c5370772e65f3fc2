import { cancelAppointmentInput } from "@plano/schema";
import { toAppointment } from "../../domain/appointment-record";
import { updateAppointment } from "../../domain/appointment-writes";
import { appointmentProcedure } from "../../trpc";
import { notifyClient } from "./notify-client";
import { writeContext } from "./write-context";

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
    const result = await updateAppointment(writeContext(ctx), ctx.appointment, patch, input.updatedAtMt, "cancel");
    return notifyClient(ctx, "cancelled", result);
  });
