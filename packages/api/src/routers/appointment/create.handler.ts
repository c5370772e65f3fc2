import { appointmentResultSchema, createAppointmentInput } from "@plano/schema";
import { createAppointment } from "./appointment-writes";
import { requirePermission, syncParse } from "../../trpc";
import { writeContext } from "./write-context";

export const create = requirePermission("appointments:write")
  .input(syncParse(createAppointmentInput))
  .output(syncParse(appointmentResultSchema))
  .mutation(({ ctx, input }) => createAppointment(writeContext(ctx), input));
