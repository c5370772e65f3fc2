import { authenticate } from "../../auth/authenticate";
import type { Context } from "../../context";
import { fail, planoErrorOf } from "../../errors";
import { publicProcedure, syncParse } from "../../trpc";
import { registerClientOutput } from "./auth.schema";

/**
 * The user behind the session token. A user without any record is exactly who
 * registers, so `client-required` is expected here and carries the user.
 */
async function sessionUserId(ctx: Context): Promise<number> {
  try {
    const principal = await authenticate(ctx.db, ctx.credentials, ctx.now());
    if (principal.userId === null) return fail("invalid-token", "Registering as a client needs a user's session token, not an application token.");
    return principal.userId;
  } catch (error) {
    const plano = planoErrorOf(error);
    if (plano?.reason === "client-required" && plano.details.session) return plano.details.session.user.id;
    throw error;
  }
}

/**
 * Gives the session's user a client record (what a `client-required` answer
 * sends users to do). Public because such a user cannot pass
 * `protectedProcedure`; idempotent, so a retried registration is harmless.
 */
export const registerClient = publicProcedure.output(syncParse(registerClientOutput)).mutation(async ({ ctx }) => {
  const userId = await sessionUserId(ctx);
  const client = await ctx.db.clientRecord.upsert({ where: { userId }, create: { userId }, update: {} });
  const principal = await authenticate(ctx.db, ctx.credentials, ctx.now());
  return { clientId: client.id, session: principal.session };
});
