/**
 * The admin's notifications list: notices such as "a client email could not
 * be sent", and a retry of that email. Schedulers hold `notifications:read`.
 */
import type { Prisma } from "@plano/db";
import { recordId } from "@plano/schema";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { fail } from "../../errors";
import { createTRPCRouter, requirePermission } from "../../trpc";

/** Resolved notices stay listed this long, so the admin sees what just cleared. */
const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

const noticeInclude = {
  outboxEmail: {
    select: { id: true, toEmail: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true },
  },
} as const;

type NoticeRow = Prisma.NotificationGetPayload<{ include: typeof noticeInclude }>;

const iso = (value: Date | null) => value?.toISOString() ?? null;

function toNotice({ outboxEmail: email, ...notice }: NoticeRow) {
  return {
    id: notice.id,
    kind: notice.kind,
    message: notice.message,
    appointmentId: notice.appointmentId,
    webhookSubscriptionId: notice.webhookSubscriptionId,
    createdAt: notice.createdAt.toISOString(),
    resolvedAt: iso(notice.resolvedAt),
    email: email && { ...email, nextAttemptAt: email.nextAttemptAt.toISOString(), sentAt: iso(email.sentAt) },
  };
}

const read = requirePermission("notifications:read");

export const notificationRouter = createTRPCRouter({
  /** Open notices and those resolved in the last week, newest first. */
  list: read
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const since = new Date(ctx.now().getTime() - RECENT_MS);
      const rows = await ctx.db.notification.findMany({
        where: { OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.limit,
        include: noticeInclude,
      });
      return rows.map(toNotice);
    }),

  /**
   * An appointment's mail log: every email about it (confirmed, cancelled,
   * moved, reassigned), oldest first, with how its sending went. `state`:
   * sent (or recorded, without Mandrill), failed (waiting for its retry),
   * queued (its first attempt is under way); `attempts` > 1 means retried.
   */
  emailsOf: read.input(z.object({ appointmentId: recordId })).query(async ({ ctx, input }) => {
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
  }),

  /** Sends the notice's email again now; a success resolves the notice. */
  retry: read.input(z.object({ id: recordId })).mutation(async ({ ctx, input }) => {
    const notice = await ctx.db.notification.findUnique({ where: { id: input.id } });
    if (!notice) return fail("not-found", `id: no notification with id ${input.id}`, { field: "id" });
    if (notice.outboxEmailId === null) return fail("invalid-param", `id: notification ${input.id} has no email to retry`, { field: "id" });
    if (!ctx.mailer) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server runs without a mailer, so emails cannot be retried." });
    }
    const outcome = await ctx.mailer.resend(ctx.db, notice.outboxEmailId);
    if (outcome && !outcome.ok) {
      if ("busy" in outcome) throw new TRPCError({ code: "CONFLICT", message: "The email is being sent right now; look again in a minute." });
      return fail("email-failed", `The email still could not be sent (${outcome.error.message}); it stays queued for retry.`);
    }
    return toNotice(await ctx.db.notification.findUniqueOrThrow({ where: { id: input.id }, include: noticeInclude }));
  }),
});
