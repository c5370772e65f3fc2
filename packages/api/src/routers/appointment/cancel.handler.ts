import { appointmentResultSchema, cancelAppointmentInput } from "@plano/schema";
import { appointmentProcedure, syncParse } from "../../trpc";
import { changeStatus } from "./status-change";

export const cancel = appointmentProcedure("appointments:cancel")
  .input(syncParse(cancelAppointmentInput))
  .output(syncParse(appointmentResultSchema))
  .mutation(async ({ ctx, input }) =>
    // Cancelling twice is a no-op, also when the two race (status-change.ts).
    changeStatus(ctx, {
      action: "cancel",
      done: (row) => row.cancelled,
      patch: {
        cancelled: true,
        cancelReason: input.reason,
        ...(input.onSiteCancel !== undefined ? { onSiteCancel: input.onSiteCancel } : {}),
        ...(input.sameDayCancel !== undefined ? { sameDayCancel: input.sameDayCancel } : {}),
      },
      updatedAtMt: input.updatedAtMt,
    }),
  );
