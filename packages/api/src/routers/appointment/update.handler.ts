import { appointmentResultSchema, updateAppointmentInput } from "@plano/schema";
import { appointmentProcedure } from "../../trpc";
import { saveAndNotify } from "./save-and-notify";

export const update = appointmentProcedure("appointments:write")
  .input(updateAppointmentInput)
  .output(appointmentResultSchema)
  .mutation(({ ctx, input }) => saveAndNotify(ctx, input.patch, input.updatedAtMt, "update"));
