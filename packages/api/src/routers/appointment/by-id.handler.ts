import { toAppointment } from "../../domain/appointment-record";
import { appointmentProcedure } from "../../trpc";

export const byId = appointmentProcedure("appointments:read").query(({ ctx }) => toAppointment(ctx.appointment));
