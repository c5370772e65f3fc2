import { appointmentChangeSchema, type AppointmentChangeEntry } from "@plano/schema";
import { z } from "zod";
import { appointmentProcedure, syncParse } from "../../trpc";

export const history = appointmentProcedure("appointments:history")
  .output(syncParse(z.array(appointmentChangeSchema)))
  .query(async ({ ctx }) => {
    const rows = await ctx.db.appointmentChange.findMany({
      where: { appointmentId: ctx.appointment.id },
      orderBy: { id: "desc" },
      take: 500,
    });
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor,
      application: row.application,
      channel: row.channel,
      at: row.at.toISOString(),
      changes: row.changes as AppointmentChangeEntry["changes"],
    }));
  });
