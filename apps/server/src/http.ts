/**
 * The API server: plain `node:http`. `/api/trpc` is served by tRPC (through
 * ./trpc-handler, which skips the adapter's fetch-style detour for plain calls),
 * `/api/v1` by the legacy REST adapter; both run the same procedures. No
 * framework sits on the hot path (see bench/).
 */
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { appRouter, createContext, credentialsFromHeaders, requestIdFrom, type AddressPolicy, type AppointmentMailer, type ChangeHub } from "@plano/api";
import { probeDb, type Db } from "@plano/db";
import { createLegacyHandler } from "@plano/legacy-rest";
import { cookieJar } from "./cookies";
import { clientAddressOf, forwardingPolicyFor, servedOverTls, type ForwardingPolicy } from "./forwarded";
import { answersStreamed, createTrpcHandler } from "./trpc-handler";

export interface ApiServerOptions {
  db: Db;
  mailer?: AppointmentMailer;
  clock?: () => Date;
  /** The live change feed behind `appointment.onChange`; without it subscriptions answer NOT_IMPLEMENTED. */
  changes?: ChangeHub;
  /** Receiver addresses webhook subscriptions may use (default: public only). */
  webhookPolicy?: AddressPolicy;
  /** Where a request's unexpected failure is logged, with its request id; default `console.error`. */
  log?: (message: string, error: unknown) => void;
  /** Which proxies' X-Forwarded-* headers to believe, and the cookie policy (default: loopback proxies, `Secure` per request; main.ts passes the environment's). */
  forwarding?: ForwardingPolicy;
}

/** How long a client may take to send its request; see `createApiServer`. */
export interface SlowClientLimits {
  /** All request headers (Node's `server.headersTimeout`). */
  headersMs: number;
  /** The whole request, body included (Node's `server.requestTimeout`). */
  requestMs: number;
  /** How often Node looks for requests past these limits (`connectionsCheckingInterval`). */
  checkEveryMs: number;
}

export const DEFAULT_SLOW_CLIENT_LIMITS: SlowClientLimits = { headersMs: 15_000, requestMs: 30_000, checkEveryMs: 1_000 };

// RFC 3986 §3.2.2–3.2.3: an IP literal, or a name of unreserved/sub-delims/pct-encoded characters; a port of digits.
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::(\d{1,5}))?$/;

/** RFC 9112 §3.2: a Host header with an invalid value is answered 400. */
export function isValidHost(host: string | undefined): boolean {
  if (host === undefined) return true; // Node already answers 400 to an HTTP/1.1 request without one
  const match = HOST.exec(host);
  if (!match || Number(match[1] ?? 0) > 65_535) return false;
  try {
    return new URL(`http://${host}/`).pathname === "/";
  } catch {
    return false;
  }
}

const crashBody = (requestId: string) =>
  JSON.stringify({
    status: "application-crash",
    message: `An internal error occurred; please try again later. If it persists, quote request id ${requestId}.`,
    warnings: [],
    requestId,
  });

/**
 * The last line of defence: whatever one request throws, synchronously or
 * later, is logged with its request id and answered 500 naming it; the process
 * and every other request carry on. Every answer carries `x-request-id`.
 */
export function guardRequests(
  listener: (req: IncomingMessage, res: ServerResponse, requestId: string) => unknown,
  log: ApiServerOptions["log"] = console.error,
): http.RequestListener {
  return (req, res) => {
    const requestId = requestIdFrom(req.headers);
    // The handlers behind read the id from the request, so that every log line and answer names the same one.
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    const failed = (error: unknown) => {
      log?.(`[${requestId}] ${req.method} ${req.url} failed:`, error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "content-type": "application/json" }).end(crashBody(requestId));
    };
    try {
      Promise.resolve(listener(req, res, requestId)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}

export function createApiRequestListener({
  db,
  mailer,
  clock,
  log,
  changes,
  webhookPolicy,
  forwarding = forwardingPolicyFor(),
}: ApiServerOptions): http.RequestListener {
  const trpc = createTrpcHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    createContext: ({ req, res, connectionParams }) => {
      const { credentials, viaCookie, subscriptionOnly } = credentialsFromHeaders(req.headers, { method: req.method, connectionParams });
      return createContext({
        db,
        credentials,
        // Cookie sessions are the admin app's; bearer tokens are internal services.
        channel: viaCookie ? "admin" : "trpc",
        clock,
        mailer,
        cookies: cookieJar(res, { secure: servedOverTls(req, forwarding) }),
        requestId: requestIdFrom(req.headers),
        clientAddress: clientAddressOf(req, forwarding),
        setHeader: (name, value) => res.setHeader(name, value),
        answerStreamed: answersStreamed(req.headers),
        changes,
        subscriptionOnly,
        webhookPolicy,
      });
    },
    onError({ error, path, req }) {
      // The whole error stays here, under the request id the answer names (the answer says nothing of it).
      if (error.code === "INTERNAL_SERVER_ERROR") (log ?? console.error)(`[${requestIdFrom(req.headers)}] tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  const legacy = createLegacyHandler({ db, mailer, clock, log });
  let databaseUp = true;

  return guardRequests((req, res, requestId) => {
    if (!isValidHost(req.headers.host)) {
      res.writeHead(400, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ error: "The Host header is not a valid host[:port] (RFC 9112 §3.2).", requestId }));
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/trpc/")) return trpc(req, res);
    if (path === "/api/v1" || path.startsWith("/api/v1/")) return legacy(req, res);
    // /healthz: the process answers (always 200), and how the database is. /readyz: for load balancers,
    // 503 while the database does not answer, so traffic goes to instances that can serve it.
    if (path === "/healthz" || path === "/readyz") {
      void probeDb(db).then((database) => {
        // The reason goes to the log (once per change), never to this unauthenticated answer.
        if (database.up !== databaseUp) console.error(database.up ? "database: reachable again" : `database: unreachable (${database.error})`);
        databaseUp = database.up;
        const status = path === "/readyz" && !database.up ? 503 : 200;
        res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ ok: database.up, database: database.up ? "up" : "down" }));
      });
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `No route for ${path}`, requestId }));
  }, log);
}

/** Node's own statuses for a request its parser or its timers refused (`socketOnError` in node:http), with the reason we give. */
function clientErrorAnswer(code: string | undefined): { status: number; error: string } {
  switch (code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, error: "The request's headers or body did not arrive in time; the connection is closed (RFC 9110 §15.5.9)." };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, error: "The request's headers are too large (RFC 6585 §5)." };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return { status: 413, error: "The request's chunk extensions are too large (RFC 9112 §7.1.1)." };
    default:
      return { status: 400, error: `The request is not valid HTTP/1.1 (${code ?? "unknown error"}).` };
  }
}

/**
 * Answers what Node would (same status, connection closed) to a request it
 * refused before or while our handler ran, but with a JSON reason and a
 * request id, so that a client cut off mid-body can quote it like any other
 * answer. Written on the socket by hand: Node offers no response object here.
 */
function answerClientErrors(server: http.Server): void {
  // The response in flight on each socket, so a body that never arrives is answered under its request's id.
  const inFlight = new WeakMap<Duplex, ServerResponse>();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => inFlight.set(req.socket, res));
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    const res = inFlight.get(socket);
    const pending = res && !res.writableFinished ? res : undefined;
    // As Node: write only to a socket that can take it and on which no answer has begun.
    if (error.code === "ECONNRESET" || !socket.writable || pending?.headersSent) return void socket.destroy();
    const requestId = String(pending?.getHeader("x-request-id") ?? randomUUID());
    const { status, error: reason } = clientErrorAnswer(error.code);
    const body = JSON.stringify({ error: reason, requestId });
    const head = [
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      "Connection: close",
    ];
    socket.end(`${head.join("\r\n")}\r\n\r\n${body}`, () => socket.destroy());
    // A client that reads nothing must not hold the socket open.
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/**
 * The API server. Clients that send their headers or body too slowly are cut
 * off (408, connection closed) so they cannot hold sockets and memory; the
 * limits are options only so a test need not wait for the defaults.
 */
export function createApiServer(options: ApiServerOptions & { slowClients?: SlowClientLimits }): http.Server {
  const limits = options.slowClients ?? DEFAULT_SLOW_CLIENT_LIMITS;
  const server = http.createServer(
    { headersTimeout: limits.headersMs, requestTimeout: limits.requestMs, connectionsCheckingInterval: limits.checkEveryMs },
    createApiRequestListener(options),
  );
  answerClientErrors(server);
  // Keep-alive longer than typical proxies' idle timeouts, so a reused socket is never closed under them.
  server.keepAliveTimeout = 65_000;
  return server;
}
