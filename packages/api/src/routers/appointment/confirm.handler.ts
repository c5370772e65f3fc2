import { confirmAppointmentInput } from "@plano/schema";
import { canConfirm } from "../../auth/principal";
import { toAppointment } from "../../domain/appointment-record";
import { updateAppointment } from "../../domain/appointment-writes";
import { fail } from "../../errors";
import { appointmentProcedure } from "../../trpc";
import { notifyClient } from "./notify-client";
import { writeContext } from "./write-context";

export const confirm = appointmentProcedure("appointments:confirm")
  .input(confirmAppointmentInput)
  .mutation(async ({ ctx, input }) => {
    if (!canConfirm(ctx.principal, ctx.appointment)) {
      fail("forbidden", "Photographers may confirm only their own appointments.", { field: "id", fields: ["id"] });
    }
    // Confirming twice is a no-op (FileMaker retries requests that timed out).
    if (ctx.appointment.confirmed) return { appointment: toAppointment(ctx.appointment), warnings: [] };
    const result = await updateAppointment(writeContext(ctx), ctx.appointment, { confirmed: true }, input.updatedAtMt, "confirm");
    return notifyClient(ctx, "confirmed", result);
  });
