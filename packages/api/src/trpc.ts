/**
 * tRPC setup: the context, the error formatter, and the procedures everything
 * is built from. Procedures add requirements step by step: authenticated, then
 * a permission, then (for one appointment) loaded and visible to the caller.
 */
import { initTRPC, type ProcedureType, TRPCError } from "@trpc/server";
import { core, type z } from "zod";
import { appointmentRefSchema, type ErrorReason, type Permission } from "@plano/schema";
import { authenticate } from "./auth/authenticate";
import { type Principal, visibleTo } from "./auth/principal";
import type { Context } from "./context";
import { loadAppointment } from "./store/appointment-load";
import { withoutOrder } from "./store/appointment-columns";
import { describeError } from "./error-detail";
import { fail, PlanoError } from "./errors";
import { withDirectProcedures } from "./procedure-caller";
import { transformer } from "./transformer";

const t = initTRPC.context<Context>().create({
  transformer,
  // Stacks stay in the logs, never in responses.
  isDev: false,
  errorFormatter({ shape, error, input, ctx }) {
    const described = describeError(error, input);
    const requestId = ctx?.requestId;
    // An unexpected failure's text is ours (Prisma's invocation, SQL codes, hosts, the data): it goes to
    // the log with the request id (see the server's onError), and the caller gets the id to quote.
    const internal = shape.data.code === "INTERNAL_SERVER_ERROR" && !described;
    const message = internal
      ? `An internal error occurred; please try again later. If it persists, quote request id ${requestId ?? "(none)"}.`
      : (described?.message ?? shape.message);
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        requestId: requestId ?? null,
        plano: described
          ? {
              reason: described.reason,
              /** The issue with its fields as `{apiKey}`, for a client to word in its own names (`renderIssue`). */
              issue: described.issue,
              field: described.field,
              fields: described.fields,
              current: described.extra.current,
              saved: described.extra.saved,
              session: described.extra.session,
              retryAfterSeconds: described.extra.retryAfterSeconds,
            }
          : null,
      },
    };
  },
});

/** Each refusal's tRPC code (and so its HTTP status); the error shape above adds the reason and field. */
const trpcCodeFor: Record<ErrorReason, TRPCError["code"]> = {
  "invalid-token": "UNAUTHORIZED",
  "session-expired": "UNAUTHORIZED",
  "client-required": "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  "missing-param": "BAD_REQUEST",
  "invalid-param": "BAD_REQUEST",
  "not-found": "NOT_FOUND",
  "update-conflict": "CONFLICT",
  "email-failed": "INTERNAL_SERVER_ERROR",
  "too-many-attempts": "TOO_MANY_REQUESTS",
};

/** A refusal (PlanoError) as its tRPC error; the PlanoError is the cause. */
function trpcErrorOf(plano: PlanoError): TRPCError {
  return new TRPCError({ code: trpcCodeFor[plano.reason], message: plano.message, cause: plano });
}

/**
 * The one place a PlanoError becomes a tRPC error: every procedure starts
 * here, so HTTP callers (through the formatter) and server-side callers
 * (the REST adapter, bulk, the CLI) see the same code, with the PlanoError
 * as its cause. Not in the formatter alone: server-side callers never pass it.
 * tRPC hands a middleware a failure further down as a result with the
 * PlanoError wrapped in an internal error.
 */
function withPlanoCode<R extends { ok: true } | { ok: false; error: TRPCError }>(result: R): R {
  if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR" || !(result.error.cause instanceof PlanoError)) return result;
  return { ...result, error: trpcErrorOf(result.error.cause) };
}

/** Runs a procedure's own checks (before `next`): a refusal there is thrown as its tRPC error at once. */
async function refusing<T>(checks: () => Promise<T>): Promise<T> {
  try {
    return await checks();
  } catch (error) {
    throw error instanceof PlanoError ? trpcErrorOf(error) : error;
  }
}

/**
 * The caller's principal. An EventSource's cookie (no CSRF header) is good
 * for subscriptions only; see credentialsFromHeaders. A procedure that calls
 * others within its own request (appointment.bulk) hands on the principal it
 * resolved: one lookup per request. Contexts built from HTTP requests never carry one.
 */
function principalOf(ctx: Context, type: ProcedureType): Promise<Principal> {
  const handedOn = (ctx as { principal?: Principal }).principal;
  if (handedOn) return Promise.resolve(handedOn);
  const credentials = ctx.subscriptionOnly && type !== "subscription" ? { ...ctx.credentials, token: undefined } : ctx.credentials;
  return authenticate(ctx.db, credentials, ctx.now());
}

function permitted(principal: Principal, permission: Permission): Principal {
  if (!principal.permissions.has(permission)) {
    fail("forbidden", `The ${principal.roles.join("/") || "caller"} role of ${principal.application} may not do this (needs ${permission}).`);
  }
  return principal;
}

/**
 * The steps below are each one middleware, not a chain of them: tRPC copies
 * its options (and the context, at each `next({ ctx })`) for every
 * middleware, which cost a read about as much as checking its input and
 * output (bench/, issue 13). The order of the checks, and so which refusal a
 * caller gets when several apply, is the chain's: the token, the permission,
 * the input, the appointment.
 */
/** `t.router`, with each procedure's chain run by procedure-caller.ts rather than tRPC's copying caller. */
export const createTRPCRouter = ((record: Parameters<typeof t.router>[0]) => t.router(withDirectProcedures(record))) as typeof t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(async ({ next }) => withPlanoCode(await next()));

/** A caller with a valid token: `ctx.principal`. */
export const protectedProcedure = t.procedure.use(async ({ ctx, type, next }) => {
  const principal = await refusing(() => principalOf(ctx, type));
  return withPlanoCode(await next({ ctx: { principal } }));
});

/** A caller with a valid token (`ctx.principal`) and this permission. */
export function requirePermission(permission: Permission) {
  return t.procedure.use(async ({ ctx, type, next }) => {
    const principal = await refusing(async () => permitted(await principalOf(ctx, type), permission));
    return withPlanoCode(await next({ ctx: { principal } }));
  });
}

/**
 * For procedures on one appointment: loads it by id or uuid once, checks the
 * caller may see it, and hands it on as `ctx.appointment`. The reference is
 * checked here, after the permission, as `.input(appointmentRefSchema)` would
 * (the same error), and again by that `.input()`, which gives the procedure
 * its input type.
 */
export function appointmentProcedure(permission: Permission) {
  return t.procedure
    .use(async ({ ctx, type, getRawInput, next }) => {
      const principal = await refusing(async () => permitted(await principalOf(ctx, type), permission));
      let input: z.output<typeof appointmentRefSchema>;
      try {
        input = appointmentRefSchema.parse(await getRawInput());
      } catch (cause) {
        throw new TRPCError({ code: "BAD_REQUEST", cause });
      }
      const appointment = await refusing(() => visibleAppointment(ctx.db, principal, input));
      return withPlanoCode(await next({ ctx: { principal, appointment } }));
    })
    .input(syncParse(appointmentRefSchema));
}

async function visibleAppointment(db: Context["db"], principal: Principal, input: z.output<typeof appointmentRefSchema>) {
  const row = await loadAppointment(db, input.id !== undefined ? { id: input.id } : { uuid: input.uuid! });
  const field = input.id !== undefined ? "id" : "uuid";
  const value = input.id ?? input.uuid;
  if (!row) return fail("not-found", `{${field}}: no appointment with ${field} {value}`, { field, fields: [field], params: { value: String(value) } });
  if (!visibleTo(principal, row)) {
    return fail("forbidden", `{${field}}: appointment {value} is not one of yours`, { field, fields: [field], params: { value: String(value) } });
  }
  // Both given must name the same appointment: a script that mixed up two records must not write to either.
  if (input.id !== undefined && input.uuid !== undefined && row.uuid !== input.uuid.toLowerCase()) {
    return fail("invalid-param", `id and uuid name different appointments: id ${input.id} has uuid ${row.uuid}, not ${input.uuid}`, {
      field: "id",
      fields: ["id", "uuid"],
    });
  }
  return withoutOrder(row);
}

/**
 * The schema for `.input()` and `.output()`, checked with zod's synchronous
 * `parse` where tRPC calls `parseAsync`, which in zod 4 skips its compiled
 * object parser: about twice the cost (a busy board's 750 appointments: ~8 vs
 * ~4 ms CPU, bench/ board-day). Same answer, same errors, same types: the
 * schema itself, with its own `parseAsync` (tRPC picks that method). A schema
 * with async refinements is checked by zod's `parseAsync` as before.
 */
export function syncParse<S extends z.ZodType>(schema: S): S {
  const checked: S = Object.create(schema);
  checked.parseAsync = async (value, params) => {
    try {
      return schema.parse(value, params);
    } catch (error) {
      if (error instanceof core.$ZodAsyncError) return schema.parseAsync(value, params);
      throw error;
    }
  };
  return checked;
}
