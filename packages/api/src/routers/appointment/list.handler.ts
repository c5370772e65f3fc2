import { appointmentPageSchema, listAppointmentsInput } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { listAppointments } from "../../store/appointment-reads";
import { requirePermission } from "../../trpc";

export const list = requirePermission("appointments:read")
  .input(listAppointmentsInput)
  .output(appointmentPageSchema)
  .query(({ ctx, input }) => listAppointments(ctx.db, readScope(ctx.principal), input));
