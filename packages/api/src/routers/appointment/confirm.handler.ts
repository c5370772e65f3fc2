import { confirmAppointmentInput } from "@plano/schema";
import { toAppointment } from "../../domain/appointment-record";
import { appointmentProcedure } from "../../trpc";
import { saveAndNotify } from "./save-and-notify";

export const confirm = appointmentProcedure("appointments:confirm")
  .input(confirmAppointmentInput)
  .mutation(async ({ ctx, input }) => {
    // Confirming twice is a no-op (FileMaker retries requests that timed out).
    if (ctx.appointment.confirmed) return { appointment: toAppointment(ctx.appointment), warnings: [] };
    return saveAndNotify(ctx, { confirmed: true }, input.updatedAtMt, "confirm");
  });
