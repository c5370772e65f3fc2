/**
 * tRPC over node:http without the fetch-style detour.
 *
 * tRPC's node adapter turns every IncomingMessage into a fetch Request
 * (Headers, a web-stream body, an AbortController that it aborts, building a
 * DOMException with a stack trace, when each response closes) and pipes the
 * fetch Response back through a WritableStream. The benchmark (bench/) put
 * that at several tenths of a millisecond of CPU per call, about as much as
 * the whole raw baseline spends on a read.
 *
 * Four paths, each answering exactly as tRPC's adapter does (proved side by
 * side in test/trpc-handler.test.ts):
 * - one query or mutation (batched as one, as `@plano/client` sends, or not):
 *   tRPC reads the request (`getRequestInfo`) and runs the procedure, and the
 *   answer is built with tRPC's own pieces (`getErrorShape`,
 *   `transformTRPCResponse`, `getHTTPStatusCode`) and written with one
 *   `end()`. `resolveResponse` would wrap it in a fetch Response, a Headers
 *   object and two AbortSignals (one combined per call), and the text is read
 *   back out of the Response's web stream: a fifth of a read's CPU (bench/).
 * - one subscription (an EventSource's GET): the procedure runs as above and
 *   its events are written in tRPC's SSE framing (trpc-sse.ts).
 * - other plain calls (batches, refusals, a method the procedure does not
 *   take): tRPC's `resolveResponse`, given a minimal request read straight off
 *   the IncomingMessage, its answer written with one `end()`, or streamed.
 * - anything else (streamed answers, other content types): tRPC's adapter,
 *   unchanged.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { TRPCError, type AnyTRPCRouter, type inferRouterContext } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { getHTTPStatusCode, resolveResponse } from "@trpc/server/http";
// tRPC's own building blocks of resolveResponse (exported for adapters, under a name that warns of change):
// test/trpc-handler.test.ts compares every kind of answer with the adapter's, so an upgrade that changes them fails there.
import {
  getErrorShape,
  getRequestInfo,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema";
import { takesDefaultSse, writeSubscription } from "./trpc-sse";

/** As `/api/v1` (`@plano/legacy-rest`'s MAX_BODY_BYTES): far above any real call. */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;
/** All answers of one batch together; a single call is bounded by its own limits (e.g. 200 per page). */
export const TRPC_MAX_BATCH_ANSWER_BYTES = 16 * 1024 * 1024;

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** Calls in one batch; more is refused (400) before any runs. Default TRPC_MAX_BATCH_CALLS. */
  maxBatchSize?: number;
  /** Where the router is mounted, with its trailing slash: "/api/trpc/". */
  basePath: string;
  /** `connectionParams`: what a subscription's client sent (tRPC's `connectionParams`), for SSE calls only. */
  createContext: (opts: {
    req: IncomingMessage;
    res: ServerResponse;
    connectionParams?: Record<string, string | undefined> | null;
  }) => inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  onError?: (opts: { error: TRPCError; path: string | undefined; req: IncomingMessage }) => void;
}

/** `Headers.get`/`has` over node's lower-cased header object (all tRPC reads of request headers). */
function headersOf(headers: IncomingHttpHeaders) {
  const get = (name: string): string | null => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  };
  return { get, has: (name: string) => get(name) !== null };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const tooLarge = () => new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${TRPC_MAX_BODY_BYTES} bytes.` });

/**
 * The body as text: refused past the limit (nothing more is kept; the answer
 * closes the connection) and when it is not UTF-8, as `/api/v1` does.
 */
async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > TRPC_MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new TRPCError({ code: "PARSE_ERROR", message: "The request body is not valid UTF-8." });
  }
}

/** Why a request is refused before any procedure runs, or undefined. */
function refusalOf(req: IncomingMessage, path: string): TRPCError | undefined {
  try {
    decodeURIComponent(path); // tRPC decodes it outside its own error handling
  } catch {
    return new TRPCError({ code: "BAD_REQUEST", message: "The procedure path is not valid percent-encoding." });
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > TRPC_MAX_BODY_BYTES) return tooLarge();
  return undefined;
}

/** The body as JSON, read once: the single-call path and resolveResponse (when it takes over) share it. */
function bodyOnce(req: IncomingMessage): () => Promise<unknown> {
  let body: Promise<unknown> | undefined;
  return () => (body ??= readText(req).then((text) => JSON.parse(text) as unknown));
}

/** What tRPC reads of a fetch Request, for a GET or a JSON POST. */
function plainRequest(req: IncomingMessage, url: string, json: () => Promise<unknown>, signal?: AbortSignal) {
  return { method: req.method ?? "GET", url, headers: headersOf(req.headers), signal, json };
}

/** For resolveResponse: with the signal it hands to procedures, aborted only by a caller that goes away mid-answer. */
function requestOf(req: IncomingMessage, res: ServerResponse, url: string, json: () => Promise<unknown>) {
  const abort = new AbortController();
  // (tRPC's adapter aborts after every answer too.)
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  return plainRequest(req, url, json, abort.signal);
}

/** tRPC's own test of an answer it cannot send as JSON (resolveResponse's `isDataStream`). */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromise) || values.some(isAsyncIterable);
}

const METHOD_OF: Record<string, string> = { query: "GET", mutation: "POST" };

/**
 * Whether tRPC streams the answer (jsonl): its headers are sent before any
 * call ends. tRPC's own test (`getAcceptHeader`): the trpc-accept header if
 * sent, else an Accept header listing application/jsonl.
 */
export function answersStreamed(headers: IncomingHttpHeaders): boolean {
  const trpcAccept = headers["trpc-accept"];
  if (trpcAccept !== undefined) return trpcAccept === "application/jsonl";
  return headers.accept?.split(",").some((type) => type.trim() === "application/jsonl") ?? false;
}

function isPlainCall(req: IncomingMessage): boolean {
  const { headers } = req;
  // Any trpc-accept at all goes to the adapter, which reads it as tRPC defines.
  if (headers["trpc-accept"] !== undefined || answersStreamed(headers)) return false;
  if (req.method === "GET") return true;
  return req.method === "POST" && (headers["content-type"]?.startsWith("application/json") ?? false);
}

/** Writes a fetch Response as tRPC's node adapter does: status, headers (cookies kept), body. */
async function writeResponse(res: ServerResponse, response: Response, text?: string): Promise<void> {
  if (res.statusCode === 200) res.statusCode = response.status;
  // A refused body is not read to its end: close the connection rather than drain it.
  if (response.status === 413) res.shouldKeepAlive = false;
  for (const [key, value] of response.headers) if (key.toLowerCase() !== "set-cookie") res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  if (text !== undefined) return void res.end(text);
  // Anything streamed (a subscription's events) is written as it comes.
  await writeStream(res, response.body);
}

/**
 * A web stream's chunks straight onto the response, waiting when the socket
 * is full, until either ends. By hand rather than `Readable.fromWeb(…).pipe()`:
 * tRPC hands each event over as several small chunks (data, id, blank line);
 * written in one go they leave in one packet, where the node stream between
 * sent them apart. Measured side by side (bench/ live, 500 subscribers):
 * server CPU per event 116 -> 100-108 ms, the subscribers' own CPU halved.
 */
async function writeStream(res: ServerResponse, body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  let waiting: (() => void) | undefined;
  const onClose = () => {
    waiting?.();
    reader.cancel().catch(() => {});
  };
  res.once("close", onClose);
  try {
    while (!res.destroyed) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value) && !res.destroyed) {
        await new Promise<void>((resolve) => {
          waiting = resolve;
          res.once("drain", resolve);
        });
        res.off("drain", waiting!);
        waiting = undefined;
      }
    }
  } catch {
    // The stream failed or was cancelled (the caller went away): nothing more to send.
  } finally {
    res.off("close", onClose);
    if (!res.destroyed) res.end();
  }
}

export function createTrpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>) {
  const { router, basePath, createContext, onError } = options;
  const config = router._def._config;
  const maxBatchSize = options.maxBatchSize ?? TRPC_MAX_BATCH_CALLS;
  const fallback = createHTTPHandler({
    router,
    basePath,
    maxBodySize: TRPC_MAX_BODY_BYTES,
    maxBatchSize,
    createContext: ({ req, res, info }) => createContext({ req, res, connectionParams: info.connectionParams }),
    onError: ({ error, path, req }) => onError?.({ error, path, req }),
  });
  const answer = (req: IncomingMessage, res: ServerResponse, url: URL, path: string, error: TRPCError | null, json: () => Promise<unknown>) =>
    resolveResponse({
      router,
      path,
      req: requestOf(req, res, url.href, json) as unknown as Request,
      error,
      maxBatchSize,
      createContext: () => Promise.resolve(createContext({ req, res })),
      onError: ({ error, path: failedPath }) => onError?.({ error, path: failedPath, req }),
    });

  /** resolveResponse's answer, with the batch's size checked. */
  async function general(req: IncomingMessage, res: ServerResponse, url: URL, path: string, refusal: TRPCError | null, json: () => Promise<unknown>) {
    const response = await answer(req, res, url, path, refusal, json);
    if (response.headers.get("content-type") !== "application/json" || !response.body) return writeResponse(res, response);
    const text = await response.text();
    if (Buffer.byteLength(text) <= TRPC_MAX_BATCH_ANSWER_BYTES || !path.includes(",")) return writeResponse(res, response, text);
    const message = `The batch's answers add up to more than ${TRPC_MAX_BATCH_ANSWER_BYTES} bytes; send these calls in smaller batches.`;
    return writeResponse(res, await answer(req, res, url, path, new TRPCError({ code: "PAYLOAD_TOO_LARGE", message }), json));
  }

  /**
   * One query or mutation, answered as resolveResponse answers it. Whatever
   * this path does not take (a refusal while reading, a batch of several, no
   * such procedure, the wrong method, a context that fails) goes to
   * `general` before any procedure has run, with the body already read.
   */
  async function single(req: IncomingMessage, res: ServerResponse, url: URL, path: string, json: () => Promise<unknown>) {
    const request = plainRequest(req, url.href, json);
    const info = await getRequestInfo({
      req: request as unknown as Request,
      path: decodeURIComponent(path),
      router,
      searchParams: url.searchParams,
      headers: request.headers as unknown as Headers,
      url,
      maxBatchSize,
    }).catch(() => undefined);
    const call = info?.calls.length === 1 && info.accept !== "application/jsonl" ? info.calls[0] : undefined;
    const type = call?.procedure?._def.type;
    const subscription = type === "subscription" && req.method === "GET" && !info?.isBatchCall && takesDefaultSse(config);
    if (!info || !call?.procedure || type === undefined || (METHOD_OF[type] !== req.method && !subscription)) return general(req, res, url, path, null, json);
    let ctx: inferRouterContext<TRouter>;
    try {
      // As the adapter: with what a subscription's client sent as connectionParams (null for other calls).
      ctx = await createContext({ req, res, connectionParams: info.connectionParams });
    } catch {
      return general(req, res, url, path, null, json);
    }
    if (subscription) return writeSubscription({ config, call, procedure: call.procedure, ctx, req, res, onError });
    let item: unknown;
    try {
      // No signal: a plain call runs to its end (as createCaller's calls do); only subscriptions watch theirs.
      const data: unknown = await call.procedure({ path: call.path, getRawInput: call.getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
      item = { result: { data } };
      if (isDataStream(data)) {
        const error = new TRPCError({
          code: "UNSUPPORTED_MEDIA_TYPE",
          message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
        });
        // resolveResponse: in a batch, this call's error; alone, the request's (no path, no input, reported).
        if (!info.isBatchCall) onError?.({ error, path: undefined, req });
        const [input, errorPath] = info.isBatchCall ? [call.result(), call.path] : [undefined, undefined];
        item = { error: getErrorShape({ config, ctx, error, input, path: errorPath, type: info.isBatchCall ? type : info.type }) };
      }
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: call.path, req });
      item = { error: getErrorShape({ config, ctx, error, input: call.result(), path: call.path, type }) };
    }
    const payload = (info.isBatchCall ? [item] : item) as Parameters<typeof getHTTPStatusCode>[0];
    const text = JSON.stringify(transformTRPCResponse(config, payload));
    if (res.statusCode === 200) res.statusCode = getHTTPStatusCode(payload);
    // A body refused for its size was not read to its end: close the connection rather than drain it.
    if (res.statusCode === 413) res.shouldKeepAlive = false;
    // resolveResponse's headers, in the order its Headers object gives them.
    res.setHeader("content-type", "application/json");
    res.setHeader("vary", "trpc-accept, accept");
    res.end(text);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    // The Host header plays no part: it is the caller's to spell, and a bad one must not fail the parse.
    const url = new URL(`http://localhost${req.url ?? "/"}`);
    const path = url.pathname.slice(basePath.length); // as tRPC's adapter derives it
    const refusal = refusalOf(req, path);
    if (!refusal && !isPlainCall(req)) return void fallback(req, res);
    const json = bodyOnce(req);
    const answered = refusal || path.includes(",") ? general(req, res, url, refusal ? "" : path, refusal ?? null, json) : single(req, res, url, path, json);
    answered.catch((cause: unknown) => {
      // Both paths answer errors themselves; this is a failure writing the answer.
      onError?.({ error: new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }), path, req });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}
