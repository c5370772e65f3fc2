import { appointmentPageSchema, listAppointmentsInput } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { listAppointments } from "../../store/appointment-reads";
import { requirePermission, syncParse } from "../../trpc";

export const list = requirePermission("appointments:read")
  .input(syncParse(listAppointmentsInput))
  .output(syncParse(appointmentPageSchema))
  .query(({ ctx, input }) => listAppointments(ctx.db, readScope(ctx.principal), input));
