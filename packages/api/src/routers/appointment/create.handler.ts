import { appointmentResultSchema, createAppointmentInput } from "@plano/schema";
import { createAppointment } from "./appointment-writes";
import { requirePermission } from "../../trpc";
import { writeContext } from "./write-context";

export const create = requirePermission("appointments:write")
  .input(createAppointmentInput)
  .output(appointmentResultSchema)
  .mutation(({ ctx, input }) => createAppointment(writeContext(ctx), input));
