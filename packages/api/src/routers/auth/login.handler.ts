import { loginInput } from "@plano/schema";
import { authenticate } from "../../auth/authenticate";
import { createSession } from "../../auth/credentials-admin";
import { recordFailure, recordSuccess, throttledFor } from "../../auth/login-throttle";
import { checkPassword } from "../../auth/passwords";
import { SESSION_MAX_AGE_MS } from "../../auth/session-expiry";
import { SESSION_COOKIE } from "../../context";
import { fail } from "../../errors";
import { publicProcedure, syncParse } from "../../trpc";
import { loginOutput } from "./auth.schema";
import { refuseStreamedAnswer } from "./streamed-answer";

/** Remember-me cookies outlive the browser; others last as long as a session can. */
const REMEMBER_ME_COOKIE_SECONDS = 400 * 24 * 60 * 60;

/**
 * Email + password → a session, set as an httpOnly cookie. The token is not in
 * the answer: page scripts must never read it (internal services get theirs
 * from `npm run cli -- session:create` or an application token).
 * Throttled per address and account (auth/login-throttle.ts): TOO_MANY_REQUESTS with Retry-After.
 */
export const login = publicProcedure
  .input(syncParse(loginInput))
  .output(syncParse(loginOutput))
  .mutation(async ({ ctx, input }) => {
    refuseStreamedAnswer(ctx, "auth.login");
    const attempt = { email: input.email.toLowerCase(), address: ctx.clientAddress };
    const now = ctx.now();
    const wait = await throttledFor(ctx.db, attempt, now);
    if (wait > 0) {
      ctx.setHeader("retry-after", String(wait));
      return fail("too-many-attempts", `Too many failed sign-ins; try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    const user = await ctx.db.user.findUnique({ where: { email: attempt.email } });
    // Same answer and the same scrypt work for an unknown email and a wrong password: no account probing.
    const valid = await checkPassword(input.password, user?.passwordHash);
    if (!user || !valid) {
      await recordFailure(ctx.db, attempt, now);
      return fail("invalid-param", "The email or password is incorrect.", { field: "password", fields: ["email", "password"] });
    }
    await recordSuccess(ctx.db, attempt, now);
    const { token } = await createSession(ctx.db, user.id, input.rememberMe, now);
    ctx.cookies?.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      maxAgeSeconds: input.rememberMe ? REMEMBER_ME_COOKIE_SECONDS : SESSION_MAX_AGE_MS / 1000,
    });
    const principal = await authenticate(ctx.db, { token, application: ctx.credentials.application }, now);
    return { session: principal.session };
  });
