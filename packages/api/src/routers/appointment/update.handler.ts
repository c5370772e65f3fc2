import { appointmentResultSchema, updateAppointmentInput } from "@plano/schema";
import { appointmentProcedure, syncParse } from "../../trpc";
import { saveAndNotify } from "./save-and-notify";

export const update = appointmentProcedure("appointments:write")
  .input(syncParse(updateAppointmentInput))
  .output(syncParse(appointmentResultSchema))
  .mutation(({ ctx, input }) => saveAndNotify(ctx, input.patch, input.updatedAtMt, "update"));
