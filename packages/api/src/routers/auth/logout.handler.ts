import { SESSION_COOKIE } from "../../context";
import { protectedProcedure, syncParse } from "../../trpc";
import { logoutOutput } from "./auth.schema";
import { refuseStreamedAnswer } from "./streamed-answer";

/** Ends the caller's session (an application token has none to end) and clears its cookie. */
export const logout = protectedProcedure.output(syncParse(logoutOutput)).mutation(async ({ ctx }) => {
  refuseStreamedAnswer(ctx, "auth.logout");
  if (ctx.principal.sessionId !== null) await ctx.db.session.deleteMany({ where: { id: ctx.principal.sessionId } });
  ctx.cookies?.clear(SESSION_COOKIE);
  return { ok: true as const };
});
