import { TRPCError } from "@trpc/server";
import { fail } from "../../errors";
import { requirePermission, syncParse } from "../../trpc";
import { noticeInclude, toNotice } from "./notice";
import { noticeSchema, retryInput } from "./notification.schema";

/** Sends the notice's email again now; a success resolves the notice. */
export const retry = requirePermission("notifications:read")
  .input(syncParse(retryInput))
  .output(syncParse(noticeSchema))
  .mutation(async ({ ctx, input }) => {
    const notice = await ctx.db.notification.findUnique({ where: { id: input.id } });
    if (!notice) return fail("not-found", `id: no notification with id ${input.id}`, { field: "id" });
    if (notice.outboxEmailId === null) return fail("invalid-param", `id: notification ${input.id} has no email to retry`, { field: "id" });
    if (!ctx.mailer) {
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server runs without a mailer, so emails cannot be retried." });
    }
    const outcome = await ctx.mailer.resend(ctx.db, notice.outboxEmailId);
    if (outcome && !outcome.ok) {
      if ("busy" in outcome) throw new TRPCError({ code: "CONFLICT", message: "The email is being sent right now; look again in a minute." });
      return fail("email-failed", "The email still could not be sent ({error}); it stays queued for retry.", { params: { error: outcome.error.message } });
    }
    return toNotice(await ctx.db.notification.findUniqueOrThrow({ where: { id: input.id }, include: noticeInclude }));
  });
