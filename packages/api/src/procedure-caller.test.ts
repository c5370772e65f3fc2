/**
 * procedure-caller.ts runs a procedure's chain in place of tRPC's own caller.
 * Each case calls one procedure through tRPC's caller (the procedure as
 * `.query()`/`.mutation()` made it) and through `directProcedure`, with the
 * same options, and compares everything a caller or a middleware can see:
 * what each middleware receives, the context and input after each `next()`,
 * the answer, and the error (code, message, cause).
 */
import { initTRPC, TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { directProcedure, isDirect } from "./procedure-caller";
import { appRouter } from "./root";

type Ctx = Record<string, unknown>;
const t = initTRPC.context<Ctx>().meta<{ label: string }>().create();

/** What the middleware at `level` was handed: every option by name (functions as their kind), in tRPC's key order. */
function seen(trace: unknown[], level: string) {
  return t.middleware(async (opts) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(opts)) copy[key] = typeof value === "function" ? `function ${key}` : value;
    trace.push({ level, ...copy, rawInput: await opts.getRawInput() });
    const result = await opts.next();
    trace.push({ level, after: result.ok ? { ok: true, data: result.data, ctx: (result as { ctx?: unknown }).ctx } : { ok: false, code: result.error.code } });
    return result;
  });
}

/** The outcome of one call as a caller sees it. */
async function outcome(procedure: AnyTRPCProcedure, opts: unknown) {
  try {
    return { data: await (procedure as (o: unknown) => Promise<unknown>)(opts) };
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return {
      error: error instanceof TRPCError ? "TRPCError" : String(error),
      code: (error as TRPCError).code,
      message: (error as Error).message,
      cause: cause instanceof Error ? { name: cause.constructor.name, message: cause.message } : cause,
    };
  }
}

const options = (input: unknown, extra: Ctx = {}) => ({
  path: "thing.do",
  type: "mutation" as const,
  ctx: { requestId: "r1", user: "u", ...extra },
  getRawInput: () => Promise.resolve(input),
  signal: undefined,
  batchIndex: 0,
});

/** Runs `make(trace)` through both callers with the same options: the traces and the outcomes must be equal. */
async function expectSame(make: (trace: unknown[]) => AnyTRPCProcedure, input: unknown, extra?: Ctx) {
  const trpcTrace: unknown[] = [];
  const directTrace: unknown[] = [];
  const viaTrpc = await outcome(make(trpcTrace), options(input, extra));
  const direct = directProcedure(make(directTrace));
  expect(isDirect(direct)).toBe(true);
  const viaDirect = await outcome(direct, options(input, extra));
  expect(viaDirect).toEqual(viaTrpc);
  expect(JSON.stringify(directTrace)).toBe(JSON.stringify(trpcTrace));
  return { outcome: viaTrpc, trace: trpcTrace };
}

const ref = z.object({ id: z.number().int().optional(), uuid: z.string().optional() });
const update = z.object({ id: z.number().int().optional(), patch: z.object({ notes: z.string().max(5) }), version: z.string() });
const answer = z.object({ id: z.number(), notes: z.string() });

/** The shape of appointment.update: a checking middleware that adds to the context, two inputs, an output, a resolver. */
function updateLike(
  trace: unknown[],
  resolve: (input: z.output<typeof update>, ctx: Ctx) => unknown = (input) => ({ id: input.id ?? 0, notes: input.patch.notes, extra: "stripped" }),
) {
  return t.procedure
    .meta({ label: "update" })
    .use(seen(trace, "first"))
    .use(async ({ ctx: given, next }) => {
      const ctx = given as Ctx;
      if (ctx.user === "nobody") throw new TRPCError({ code: "FORBIDDEN", message: "not yours" });
      if (ctx.user === "crash") throw new Error("a bug");
      return next({ ctx: { principal: { name: ctx.user }, user: `${String(ctx.user)}!` } });
    })
    .use(seen(trace, "checked"))
    .input(ref)
    .use(seen(trace, "ref"))
    .input(update)
    .use(seen(trace, "update"))
    .output(answer)
    .use(seen(trace, "output"))
    .mutation(({ input, ctx }) => resolve(input, ctx) as z.output<typeof answer>);
}

describe("directProcedure", () => {
  it("hands every middleware what tRPC hands it, merges context and inputs alike, and checks the output", async () => {
    const { outcome: answered, trace } = await expectSame((trace) => updateLike(trace), { id: 7, patch: { notes: "hi" }, version: "v1", extra: 1 });
    expect(answered).toEqual({ data: { id: 7, notes: "hi" } });
    // The comparison saw the context grow and the inputs merge: it is not comparing two empty traces.
    expect(JSON.stringify(trace)).toContain('"principal":{"name":"u"}');
    expect(JSON.stringify(trace)).toContain('"input":{"id":7,"patch":{"notes":"hi"},"version":"v1"}');
  });

  it("refuses alike: a middleware's TRPCError, a crash, a bad input, a bad output, a failing resolver", async () => {
    const cases: [Ctx, unknown, ((input: z.output<typeof update>) => unknown)?][] = [
      [{ user: "nobody" }, { id: 7, patch: { notes: "hi" }, version: "v" }],
      [{ user: "crash" }, { id: 7, patch: { notes: "hi" }, version: "v" }],
      [{}, { id: "7", patch: { notes: "hi" }, version: "v" }],
      [{}, { id: 7, patch: { notes: "far too long" }, version: "v" }],
      [{}, "not an object"],
      [{}, undefined],
      [{}, { id: 7, patch: { notes: "hi" }, version: "v" }, () => ({ id: "seven" })],
      [{}, { id: 7, patch: { notes: "hi" }, version: "v" }, () => Promise.reject(new TRPCError({ code: "CONFLICT", message: "changed" }))],
      [{}, { id: 7, patch: { notes: "hi" }, version: "v" }, () => Promise.reject(new RangeError("out of range"))],
    ];
    const codes = new Set<unknown>();
    for (const [ctx, input, resolve] of cases) {
      const { outcome: refused } = await expectSame((trace) => updateLike(trace, resolve), input, ctx);
      expect(refused.error, JSON.stringify(input)).toBe("TRPCError");
      codes.add(refused.code);
    }
    expect([...codes].sort()).toEqual(["BAD_REQUEST", "CONFLICT", "FORBIDDEN", "INTERNAL_SERVER_ERROR"]);
  });

  it("takes a next() that replaces the input or the raw input, and a middleware that rewrites the result", async () => {
    const make = (trace: unknown[]) =>
      t.procedure
        .use(async ({ next }) => {
          const result = await next({ getRawInput: () => Promise.resolve({ id: 1, uuid: "replaced" }) });
          return result.ok ? { ...result, data: { wrapped: result.data } } : result;
        })
        .input(ref)
        .use(async ({ next }) => next({ input: { id: 99 } }))
        .use(seen(trace, "after"))
        .query(({ input }) => input);
    const { outcome: answered } = await expectSame(make, { id: 5 });
    expect(answered).toEqual({ data: { wrapped: { id: 99 } } });
  });

  it("reports a middleware that returns nothing, and a call without options, in tRPC's words", async () => {
    const silent = () => t.procedure.use((async () => undefined) as never).query(() => 1);
    const { outcome: refused } = await expectSame(silent, {});
    expect(refused.message).toContain("did you forget to `return next()`");
    const plain = t.procedure.query(() => 1);
    const [viaTrpc, viaDirect] = [await outcome(plain, undefined), await outcome(directProcedure(plain), undefined)];
    expect(viaDirect).toEqual(viaTrpc);
    expect(viaTrpc.message).toContain("client-only function");
  });

  it("lets a later input's value win over an earlier one's, as tRPC does", async () => {
    const make = (trace: unknown[]) =>
      t.procedure
        .input(z.object({ name: z.string(), kept: z.number() }))
        .input(z.object({ name: z.string().trim() }))
        .use(seen(trace, "end"))
        .query(({ input }) => input);
    const { outcome: answered } = await expectSame(make, { name: "  Ada ", kept: 1 });
    expect(answered).toEqual({ data: { name: "Ada", kept: 1 } });
  });

  it("merges any input pair as tRPC does (objects spread, anything else replaced)", async () => {
    const anything = z.unknown();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        await expectSame(
          (trace) =>
            t.procedure
              .input(anything)
              .input(ref.passthrough().or(anything) as never)
              .use(seen(trace, "end"))
              .query(({ input }) => input),
          input,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("keeps tRPC's caller where the schemas and checks do not pair up", () => {
    const made = t.procedure
      .input(ref)
      .output(answer)
      .query(() => ({ id: 1, notes: "" }));
    // As a tRPC that kept its schemas elsewhere would build it: an input check without its schema in `inputs`.
    const unpaired = Object.assign((opts: unknown) => (made as (o: unknown) => unknown)(opts), { ...made, _def: { ...made._def, inputs: [] } });
    expect(directProcedure(unpaired as unknown as AnyTRPCProcedure)).toBe(unpaired);
    const noOutput = Object.assign((opts: unknown) => (made as (o: unknown) => unknown)(opts), { ...made, _def: { ...made._def, output: undefined } });
    expect(directProcedure(noOutput as unknown as AnyTRPCProcedure)).toBe(noOutput);
    expect(isDirect(directProcedure(made))).toBe(true);
  });

  it("runs every procedure of the API", () => {
    const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>);
    expect(procedures.length).toBeGreaterThanOrEqual(30);
    for (const [path, procedure] of procedures) expect(isDirect(procedure), path).toBe(true);
  });
});
