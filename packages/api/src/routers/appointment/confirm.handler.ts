import { appointmentResultSchema, confirmAppointmentInput } from "@plano/schema";
import { canConfirm } from "../../auth/principal";
import { fail } from "../../errors";
import { appointmentProcedure, syncParse } from "../../trpc";
import { changeStatus } from "./status-change";

export const confirm = appointmentProcedure("appointments:confirm")
  .input(syncParse(confirmAppointmentInput))
  .output(syncParse(appointmentResultSchema))
  .mutation(async ({ ctx, input }) => {
    if (!canConfirm(ctx.principal, ctx.appointment)) {
      fail("forbidden", "Photographers may confirm only their own appointments.", { field: "id", fields: ["id"] });
    }
    // Confirming twice is a no-op, also when the two race (status-change.ts).
    return changeStatus(ctx, {
      action: "confirm",
      done: (row) => row.confirmed,
      patch: { confirmed: true },
      updatedAtMt: input.updatedAtMt,
    });
  });
