import { createAppointmentInput } from "@plano/schema";
import { createAppointment } from "../../domain/appointment-writes";
import { requirePermission } from "../../trpc";
import { writeContext } from "./write-context";

export const create = requirePermission("appointments:write")
  .input(createAppointmentInput)
  .mutation(({ ctx, input }) => createAppointment(writeContext(ctx), input));
