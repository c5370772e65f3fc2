import { appointmentSchema } from "@plano/schema";
import { toAppointment } from "../../domain/appointment-record";
import { appointmentProcedure, syncParse } from "../../trpc";

export const byId = appointmentProcedure("appointments:read")
  .output(syncParse(appointmentSchema))
  .query(({ ctx }) => toAppointment(ctx.appointment));
