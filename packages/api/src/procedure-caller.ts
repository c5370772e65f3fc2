/**
 * Each procedure's middleware chain, run as tRPC runs it, without its copies.
 *
 * tRPC (11.19, `createProcedureCaller`) hands every middleware its options and
 * every `next()` a fresh copy of them, made with its bundled `_objectSpread2`
 * helper: own keys listed, symbols looked up, each key defined one by one. An
 * update passes five levels (the appointment's checks, two inputs, the output,
 * the resolver), so that helper alone was the hottest function of tRPC in a
 * profile of the bench's update and read load (bench/, issue 13). Here the
 * same objects are made with the language's spread, which V8 copies in one
 * step, and the input and output checks are tRPC's own again, rebuilt from
 * the procedure's schemas with the same spread.
 *
 * The order of the middlewares, what each receives, how `next()` merges the
 * context and the input, the errors and what is returned are tRPC's: the
 * procedure's definition (`_def`) is the one tRPC built, and
 * procedure-caller.test.ts runs every kind of procedure through both callers.
 * Written by hand because tRPC offers no hook to replace its caller; it is
 * applied where routers are made (`createTRPCRouter`), so every door (the
 * HTTP handler, tRPC's adapter, createCaller, bulk) runs the same chain.
 */
import { TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import { getParseFn, getTRPCErrorFromUnknown, isObject, middlewareMarker } from "@trpc/server/unstable-core-do-not-import";

type Result = { marker: typeof middlewareMarker; ok: true; data: unknown; ctx?: unknown } | { marker: typeof middlewareMarker; ok: false; error: TRPCError };

interface CallOptions {
  ctx: Record<string, unknown> | undefined;
  input?: unknown;
  getRawInput: () => Promise<unknown>;
  [key: string]: unknown;
}

interface NextOptions {
  ctx?: Record<string, unknown>;
  input?: unknown;
  getRawInput?: () => Promise<unknown>;
}

type Middleware = ((opts: CallOptions & { meta: unknown; next: (next?: NextOptions) => Promise<Result> }) => Promise<Result>) & {
  _type?: string;
};

interface ProcedureDef {
  middlewares: Middleware[];
  inputs: unknown[];
  output?: unknown;
  meta?: unknown;
}

type Procedure = ((opts: CallOptions) => Promise<unknown>) & { _def: ProcedureDef; procedure: true; meta: unknown };

/** tRPC's input check (`createInputMiddleware`). */
function inputCheck(schema: unknown): Middleware {
  const parse = getParseFn(schema as Parameters<typeof getParseFn>[0]);
  const check: Middleware = async (opts) => {
    let parsed: unknown;
    const raw = await opts.getRawInput();
    try {
      parsed = await parse(raw);
    } catch (cause) {
      throw new TRPCError({ code: "BAD_REQUEST", cause });
    }
    const input = isObject(opts.input) && isObject(parsed) ? { ...opts.input, ...parsed } : parsed;
    return opts.next({ input });
  };
  check._type = "input";
  return check;
}

/** tRPC's output check (`createOutputMiddleware`). */
function outputCheck(schema: unknown): Middleware {
  const parse = getParseFn(schema as Parameters<typeof getParseFn>[0]);
  const check: Middleware = async ({ next }) => {
    const result = await next();
    if (!result.ok) return result;
    try {
      const data = await parse(result.data);
      return { ...result, data };
    } catch (cause) {
      throw new TRPCError({ message: "Output validation failed", code: "INTERNAL_SERVER_ERROR", cause });
    }
  };
  check._type = "output";
  return check;
}

/**
 * The chain with tRPC's input and output checks rebuilt from the schemas they
 * were made of (`_def.inputs` in order, `_def.output`), or undefined (tRPC's
 * caller stays) where the checks and the schemas do not pair up one to one.
 */
function chainOf(def: ProcedureDef): Middleware[] | undefined {
  let nextInput = 0;
  const chain: Middleware[] = [];
  for (const middleware of def.middlewares) {
    if (middleware._type === "input") {
      if (nextInput >= def.inputs.length) return undefined;
      chain.push(inputCheck(def.inputs[nextInput++]));
    } else if (middleware._type === "output") {
      if (def.output === undefined) return undefined;
      chain.push(outputCheck(def.output));
    } else chain.push(middleware);
  }
  return nextInput === def.inputs.length ? chain : undefined;
}

const direct = new WeakMap<AnyTRPCProcedure, AnyTRPCProcedure>();
const made = new WeakSet<object>();

/** Whether `procedure` runs through this caller (a chain it could not pair up keeps tRPC's). */
export const isDirect = (procedure: unknown): boolean => typeof procedure === "function" && made.has(procedure);

/** `procedure` with its chain run as above; the same `_def`, so tRPC and its types see the same procedure. */
export function directProcedure<P extends AnyTRPCProcedure>(procedure: P): P {
  const known = direct.get(procedure);
  if (known) return known as P;
  const original = procedure as unknown as Procedure;
  const def = original._def;
  const chain = chainOf(def);
  if (!chain) return procedure;
  const meta = def.meta;

  // tRPC's callRecursive.
  async function call(index: number, opts: CallOptions): Promise<Result> {
    try {
      return await chain![index]!({
        ...opts,
        meta,
        input: opts.input,
        next(nextOpts?: NextOptions) {
          return call(index + 1, {
            ...opts,
            ctx: nextOpts?.ctx ? { ...opts.ctx, ...nextOpts.ctx } : opts.ctx,
            input: nextOpts && "input" in nextOpts ? nextOpts.input : opts.input,
            getRawInput: nextOpts?.getRawInput ?? opts.getRawInput,
          });
        },
      });
    } catch (cause) {
      return { ok: false, error: getTRPCErrorFromUnknown(cause), marker: middlewareMarker };
    }
  }

  const run = async function procedure(opts: CallOptions): Promise<unknown> {
    // tRPC's own refusal of a call without options (its text explains server-side calls).
    if (!opts || !("getRawInput" in opts)) return original(opts);
    const result = await call(0, opts);
    if (!result) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "No result from middlewares - did you forget to `return next()`?" });
    if (!result.ok) throw result.error;
    return result.data;
  } as Procedure;
  run._def = def;
  run.procedure = true;
  run.meta = def.meta;
  direct.set(procedure, run as unknown as AnyTRPCProcedure);
  made.add(run);
  return run as unknown as P;
}

/** A router's record with every procedure in it (nested records too) made direct; routers are left as they are. */
export function withDirectProcedures<R extends Record<string, unknown>>(record: R): R {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === "function" && (value as { _def?: { procedure?: unknown } })._def?.procedure === true) {
      out[key] = directProcedure(value as AnyTRPCProcedure);
    } else if (isObject(value) && !("_def" in value)) {
      out[key] = withDirectProcedures(value);
    } else out[key] = value;
  }
  return out as R;
}
