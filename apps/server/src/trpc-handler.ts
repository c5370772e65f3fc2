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
 * Here tRPC's own `resolveResponse` (its public adapter API, which decides the
 * protocol: batching, errors, status codes, headers) gets a minimal request
 * read straight off the IncomingMessage, and its answer is written with one
 * `end()`. Only plain calls take this path (GET, or POST with a JSON body, no
 * streamed answer asked for); anything else goes to tRPC's adapter unchanged.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { TRPCError, type AnyTRPCRouter, type inferRouterContext } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { resolveResponse } from "@trpc/server/http";

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** Where the router is mounted, with its trailing slash: "/api/trpc/". */
  basePath: string;
  /** `connectionParams`: what a subscription's client sent (tRPC's `connectionParams`), for SSE calls only. */
  createContext: (opts: {
    req: IncomingMessage;
    res: ServerResponse;
    connectionParams?: Record<string, string | undefined> | null;
  }) => inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
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

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** What resolveResponse reads of a fetch Request, for a GET or a JSON POST. */
function requestOf(req: IncomingMessage, res: ServerResponse, url: string) {
  const abort = new AbortController();
  // Only a caller that goes away mid-answer aborts (tRPC's adapter aborts after every answer too).
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  return {
    method: req.method ?? "GET",
    url,
    headers: headersOf(req.headers),
    signal: abort.signal,
    json: async (): Promise<unknown> => JSON.parse(await readText(req)),
  };
}

function isPlainCall(req: IncomingMessage): boolean {
  const { headers } = req;
  const streamed = headers["trpc-accept"] !== undefined || headers.accept?.includes("application/jsonl");
  if (streamed) return false;
  if (req.method === "GET") return true;
  return req.method === "POST" && (headers["content-type"]?.startsWith("application/json") ?? false);
}

/** Writes a fetch Response as tRPC's node adapter does: status, headers (cookies kept), body. */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  if (res.statusCode === 200) res.statusCode = response.status;
  for (const [key, value] of response.headers) if (key.toLowerCase() !== "set-cookie") res.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) return void res.end();
  if (response.headers.get("content-type") === "application/json") return void res.end(await response.text());
  // Anything streamed (a subscription's events) is piped as it comes.
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

export function createTrpcHandler<TRouter extends AnyTRPCRouter>(options: TrpcHandlerOptions<TRouter>) {
  const { router, basePath, createContext, onError } = options;
  const fallback = createHTTPHandler({
    router,
    basePath,
    createContext: ({ req, res, info }) => createContext({ req, res, connectionParams: info.connectionParams }),
    onError: ({ error, path }) => onError?.({ error, path }),
  });
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!isPlainCall(req)) return void fallback(req, res);
    const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
    const path = new URL(url).pathname.slice(basePath.length); // as tRPC's adapter derives it
    resolveResponse({
      router,
      path,
      req: requestOf(req, res, url) as unknown as Request,
      error: null,
      createContext: () => Promise.resolve(createContext({ req, res })),
      onError: ({ error, path: failedPath }) => onError?.({ error, path: failedPath }),
    })
      .then((response) => writeResponse(res, response))
      .catch((cause: unknown) => {
        // resolveResponse answers errors itself; this is a failure writing the answer.
        onError?.({ error: new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause }), path });
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
