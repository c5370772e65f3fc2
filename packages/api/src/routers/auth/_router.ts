import { loginInput } from "@plano/schema";
import { authenticate } from "../../auth/authenticate";
import { createSession } from "../../auth/credentials-admin";
import { verifyPassword } from "../../auth/passwords";
import { SESSION_MAX_AGE_MS } from "../../auth/session-expiry";
import { SESSION_COOKIE } from "../../context";
import { fail } from "../../errors";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../../trpc";
import { registerClient } from "./register-client.handler";

/** Remember-me cookies outlive the browser; others last as long as a session can. */
const REMEMBER_ME_COOKIE_SECONDS = 400 * 24 * 60 * 60;

export const authRouter = createTRPCRouter({
  /** Email + password → a session; the admin gets it as an httpOnly cookie. */
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.user.findUnique({ where: { email: input.email.toLowerCase() } });
    // Same answer for an unknown email and a wrong password: no account probing.
    const valid = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
    if (!user || !valid) return fail("invalid-param", "The email or password is incorrect.", { field: "password", fields: ["email", "password"] });
    const { token } = await createSession(ctx.db, user.id, input.rememberMe, ctx.now());
    ctx.cookies?.set(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      secure: process.env.NODE_ENV === "production" && process.env.PLANO_INSECURE_COOKIES !== "1",
      maxAgeSeconds: input.rememberMe ? REMEMBER_ME_COOKIE_SECONDS : SESSION_MAX_AGE_MS / 1000,
    });
    const principal = await authenticate(ctx.db, { token, application: ctx.credentials.application }, ctx.now());
    return { token, session: principal.session };
  }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.principal.sessionId !== null) await ctx.db.session.deleteMany({ where: { id: ctx.principal.sessionId } });
    ctx.cookies?.clear(SESSION_COOKIE);
    return { ok: true as const };
  }),

  registerClient,

  /** Who am I, with which roles and permissions. */
  me: protectedProcedure.query(({ ctx }) => ({
    kind: ctx.principal.kind,
    actor: ctx.principal.actor,
    application: ctx.principal.application,
    roles: ctx.principal.roles,
    permissions: [...ctx.principal.permissions].sort(),
    session: ctx.principal.session,
  })),
});
