/**
 * The API server: plain `node:http`. `/api/trpc` is served by tRPC (through
 * ./trpc-handler, which skips the adapter's fetch-style detour for plain calls),
 * `/api/v1` by the legacy REST adapter; both run the same procedures. No
 * framework sits on the hot path (see bench/).
 */
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { appRouter, createContext, credentialsFromHeaders, type AddressPolicy, type AppointmentMailer } from "@plano/api";
import type { Db } from "@plano/db";
import { createLegacyHandler } from "@plano/legacy-rest";
import { cookieJar } from "./cookies";
import { createTrpcHandler } from "./trpc-handler";

export interface ApiServerOptions {
  db: Db;
  mailer?: AppointmentMailer;
  clock?: () => Date;
  /** Receiver addresses webhook subscriptions may use (default: public only). */
  webhookPolicy?: AddressPolicy;
}

export function createApiRequestListener({ db, mailer, clock, webhookPolicy }: ApiServerOptions): http.RequestListener {
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
        cookies: cookieJar(res),
        requestId: String(req.headers["x-request-id"] ?? randomUUID()),
        webhookPolicy,
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  const legacy = createLegacyHandler({ db, mailer, clock });

  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/api/trpc/")) return trpc(req, res);
    if (path === "/api/v1" || path.startsWith("/api/v1/")) return void legacy(req, res);
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
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
