/**
 * The API server: plain `node:http`. `/api/trpc` is served by tRPC (through
 * ./trpc-handler, which skips the adapter's fetch-style detour for plain calls),
 * `/api/v1` by the legacy REST adapter; both run the same procedures. No
 * framework sits on the hot path (see bench/).
 */
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, createContext, credentialsFromHeaders, type AppointmentMailer } from "@plano/api";
import { probeDb, type Db } from "@plano/db";
import { createLegacyHandler } from "@plano/legacy-rest";
import { cookieJar } from "./cookies";
import { clientAddressOf, forwardingPolicyFromEnv, servedOverTls, type ForwardingPolicy } from "./forwarded";
import { createTrpcHandler } from "./trpc-handler";

export interface ApiServerOptions {
  db: Db;
  mailer?: AppointmentMailer;
  clock?: () => Date;
  /** Which proxies' X-Forwarded-* headers to believe, and the cookie policy (default: from the environment). */
  forwarding?: ForwardingPolicy;
}

export function createApiRequestListener({ db, mailer, clock, forwarding = forwardingPolicyFromEnv() }: ApiServerOptions): http.RequestListener {
  const trpc = createTrpcHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    createContext: ({ req, res }) => {
      const { credentials, viaCookie } = credentialsFromHeaders(req.headers);
      return createContext({
        db,
        credentials,
        // Cookie sessions are the admin app's; bearer tokens are internal services.
        channel: viaCookie ? "admin" : "trpc",
        clock,
        mailer,
        cookies: cookieJar(res, { secure: servedOverTls(req, forwarding) }),
        requestId: String(req.headers["x-request-id"] ?? randomUUID()),
        clientAddress: clientAddressOf(req, forwarding),
        setHeader: (name, value) => res.setHeader(name, value),
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  const legacy = createLegacyHandler({ db, mailer, clock });
  let databaseUp = true;

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/trpc/")) return trpc(req, res);
    if (path === "/api/v1" || path.startsWith("/api/v1/")) return void legacy(req, res);
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
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `No route for ${path}` }));
  };
}

export function createApiServer(options: ApiServerOptions): http.Server {
  const server = http.createServer(createApiRequestListener(options));
  // Keep-alive longer than typical proxies' idle timeouts, so a reused socket is never closed under them.
  server.keepAliveTimeout = 65_000;
  return server;
}
