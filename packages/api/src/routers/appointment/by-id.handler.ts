import { appointmentSchema } from "@plano/schema";
import { toAppointment } from "../../domain/appointment-record";
import { appointmentProcedure } from "../../trpc";

export const byId = appointmentProcedure("appointments:read")
  .output(appointmentSchema)
  .query(({ ctx }) => toAppointment(ctx.appointment));
