/**
 * A subscription's events written straight onto the response, in the bytes
 * tRPC's own SSE producer (`sseStreamProducer`, behind `resolveResponse`)
 * writes: a `connected` event, each event's data (and id when `tracked()`),
 * then `return` when the procedure's iterable ends or `serialized-error` when
 * it fails, or nothing more when the caller went away.
 *
 * By hand rather than through resolveResponse: its producer hands every event
 * through two more async generators, three web streams (two TransformStreams
 * and a TextEncoderStream) and a fetch Response, per subscriber. At 500 open
 * subscriptions that was most of a fan-out's server CPU, and what an open
 * subscription held (bench/ live, issue 13). Only for the router's default SSE
 * settings (no pings, no time limit, no client options): anything else goes
 * to resolveResponse. test/trpc-sse.test.ts compares the bytes with tRPC's
 * adapter for events, ends, failures and refusals, so an upgrade that changes
 * tRPC's framing fails there. One difference, on purpose: a caller that sent
 * `Connection: close` gets it (tRPC answers keep-alive regardless).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { TRPCError, type AnyTRPCRouter } from "@trpc/server";
import { isObservable, observableToAsyncIterable } from "@trpc/server/observable";
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  isAbortError,
  isAsyncIterable,
  isTrackedEnvelope,
  sseHeaders,
  type TRPCRequestInfo,
} from "@trpc/server/unstable-core-do-not-import";

type RouterConfig = AnyTRPCRouter["_def"]["_config"];
type Call = TRPCRequestInfo["calls"][number];

/** Whether `writeSubscription` answers as tRPC would: only with tRPC's default SSE settings. */
export function takesDefaultSse(config: RouterConfig): boolean {
  return config.sse === undefined;
}

/** tRPC's response headers for an event stream, in the order its Headers object hands them to the adapter. */
const headers: [string, string][] = [...new Headers([["vary", "trpc-accept, accept"], ...Object.entries(sseHeaders)])];

/** The `connected` event with tRPC's default client options (none). */
const CONNECTED = `event: connected\ndata: ${JSON.stringify({})}\n\n\n`;
const RETURN = "event: return\ndata: \n\n\n";

/** What resolveResponse streams when the call itself failed: the failure, as the iterable's first step. */
function failing(error: unknown): AsyncIterable<never> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) };
}

const CLOSED = Symbol("closed");

export interface SubscriptionCall {
  config: RouterConfig;
  call: Call;
  /** `call.procedure`, known to be there. */
  procedure: NonNullable<Call["procedure"]>;
  ctx: unknown;
  req: IncomingMessage;
  res: ServerResponse;
  onError?: (opts: { error: TRPCError; path: string | undefined; req: IncomingMessage }) => void;
}

/** Runs the subscription procedure and writes its events until it ends, fails, or the caller goes away. */
export async function writeSubscription({ config, call, procedure, ctx, req, res, onError }: SubscriptionCall): Promise<void> {
  const serialize = (value: unknown) => JSON.stringify(config.transformer.output.serialize(value));
  // As resolveResponse's request signal: aborted only by a caller that goes away before the answer ends.
  const abort = new AbortController();
  let closed = false;
  let onClosed!: () => void;
  const whenClosed = new Promise<typeof CLOSED>((resolve) => (onClosed = () => resolve(CLOSED)));
  const onClose = () => {
    closed = true;
    if (!res.writableFinished) abort.abort();
    onClosed();
  };
  res.once("close", onClose);

  let iterable: AsyncIterable<unknown>;
  try {
    const data: unknown = await procedure({
      path: call.path,
      getRawInput: call.getRawInput,
      ctx,
      type: "subscription",
      signal: abort.signal,
      batchIndex: call.batchIndex,
    });
    if (isObservable(data)) iterable = observableToAsyncIterable(data, abort.signal);
    else if (isAsyncIterable(data)) iterable = data;
    else {
      const message = `Subscription ${call.path} did not return an observable or a AsyncGenerator`;
      iterable = failing(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message }));
    }
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError?.({ error, path: call.path, req });
    iterable = failing(error);
  }

  /** Writes `text`; when the socket is full, waits for it to drain (or close). */
  const write = async (text: string) => {
    if (closed || res.destroyed) return;
    if (res.write(text)) return;
    let drained!: () => void;
    const drain = new Promise<void>((resolve) => {
      drained = resolve;
      res.once("drain", resolve);
    });
    await Promise.race([drain, whenClosed]);
    res.off("drain", drained);
  };

  // tRPC's `Connection: keep-alive` even to a caller that asked to close, which RFC 9112 §9.6 forbids:
  // the socket then stayed open after the answer until the caller hung up. Node's own choice instead.
  for (const [name, value] of headers) if (name !== "connection" || res.shouldKeepAlive) res.setHeader(name, value);
  await write(CONNECTED);
  const iterator = iterable[Symbol.asyncIterator]();
  // Whether the iterable has ended by itself (done or thrown): otherwise it is closed here.
  let ended = false;
  try {
    while (!closed) {
      const step = await Promise.race([
        iterator.next().catch((cause: unknown) => {
          ended = true;
          throw cause;
        }),
        whenClosed,
      ]);
      if (step === CLOSED) break;
      if (step.done) {
        ended = true;
        await write(RETURN);
        break;
      }
      const value: unknown = step.value;
      await write(isTrackedEnvelope(value) ? `data: ${serialize(value[1])}\nid: ${value[0]}\n\n\n` : `data: ${serialize(value)}\n\n\n`);
    }
  } catch (cause) {
    // As tRPC's producer: an event it could not serialise closes the procedure's iterable before the error is sent.
    if (!ended) {
      ended = true;
      await iterator.return?.().catch(() => {});
    }
    if (!isAbortError(cause) && !closed) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: call.path, req });
      const shape = getErrorShape({ config, ctx, error, input: call.result(), path: call.path, type: "subscription" });
      await write(`event: serialized-error\ndata: ${serialize(shape)}\n\n\n`);
    }
  } finally {
    // The caller went away: end the procedure's iterable (after a step it may still be waiting on).
    if (!ended) void iterator.return?.()?.catch(() => {});
    res.off("close", onClose);
    if (!res.destroyed) res.end();
  }
}
