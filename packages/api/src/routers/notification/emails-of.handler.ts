import { z } from "zod";
import { requirePermission, syncParse } from "../../trpc";
import { iso } from "./notice";
import { emailsOfInput, mailLogEntrySchema } from "./notification.schema";

/**
 * An appointment's mail log: every email about it (confirmed, cancelled,
 * moved, reassigned), oldest first, with how its sending went. `state`:
 * sent (or recorded, without Mandrill), failed (waiting for its retry),
 * queued (its first attempt is under way); `attempts` > 1 means retried.
 */
export const emailsOf = requirePermission("notifications:read")
  .input(syncParse(emailsOfInput))
  .output(syncParse(z.array(mailLogEntrySchema)))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.db.outboxEmail.findMany({ where: { appointmentId: input.appointmentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map((row) => ({
      id: row.id,
      toEmail: row.toEmail,
      toName: row.toName,
      subject: row.subject,
      status: row.status,
      state: row.status !== "pending" ? ("sent" as const) : row.lastError ? ("failed" as const) : ("queued" as const),
      attempts: row.attempts,
      retried: row.attempts > 1,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      sentAt: iso(row.sentAt),
      nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    }));
  });
