import { updateAppointmentInput } from "@plano/schema";
import { updateAppointment } from "../../domain/appointment-writes";
import { appointmentProcedure } from "../../trpc";
import { writeContext } from "./write-context";

export const update = appointmentProcedure("appointments:write")
  .input(updateAppointmentInput)
  .mutation(({ ctx, input }) => updateAppointment(writeContext(ctx), ctx.appointment, input.patch, input.updatedAtMt));
