/**
 * Real HTTP against the legacy API: the production request listener
 * (`createApiServer`, which mounts the adapter under /api/v1) or the bare
 * handler with test options, on an ephemeral port; and a client that sends
 * parameters the ways FileMaker does.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { AppointmentMailer } from "@plano/api";
import type { Db } from "@plano/db";
import { createApiServer } from "@plano/testing/api-server";
import { appToken, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { createLegacyHandler, type LegacyHandlerOptions } from "../src";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The API server exactly as production wires it. */
export function startApiServer(options: { db: Db; mailer?: AppointmentMailer; clock?: () => Date }): Promise<TestServer> {
  return listen(createApiServer(options));
}

/** Only the legacy handler, e.g. with the registry cache off or a faulty database. */
export function startLegacyHandler(options: LegacyHandlerOptions): Promise<TestServer> {
  const handler = createLegacyHandler({ registryCacheMs: 0, ...options });
  return listen(http.createServer((req, res) => void handler(req, res)));
}

/**
 * What most test files need: a fresh database with the small world, a
 * scheduler's application token, and the API server on the given clock.
 */
export async function openLegacyWorld(clock: () => Date) {
  const database = await freshDatabase();
  const world = await smallWorld(database);
  const token = await appToken(database, "planoorder");
  const server = await startApiServer({ db: database.db, clock });
  return {
    database,
    world,
    token,
    server,
    async close() {
      await server.close();
      await database.drop();
    },
  };
}

export type LegacyWorld = Awaited<ReturnType<typeof openLegacyWorld>>;

export type Encoding = "json" | "form" | "multipart";
export type Params = Record<string, unknown>;

export interface SendOptions {
  encoding?: Encoding;
  /** Sensitive routes: the encoded body, base64-encoded again. */
  base64?: boolean;
  headers?: Record<string, string>;
  method?: string;
}

export interface LegacyAnswer {
  http: number;
  contentType: string | null;
  body: {
    status: string;
    message: string;
    data?: Record<string, any>;
    session?: Record<string, any>;
    warnings: { code: string; field?: string; message: string }[];
  };
  headers: Headers;
}

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

async function encode(params: Params, encoding: Encoding): Promise<{ body: Buffer; contentType: string }> {
  if (encoding === "json") return { body: Buffer.from(JSON.stringify(params)), contentType: "application/json" };
  if (encoding === "form") {
    const form = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, asText(value)]));
    return { body: Buffer.from(form.toString()), contentType: "application/x-www-form-urlencoded" };
  }
  // Let fetch's own multipart encoder write it, as an HTTP client would.
  const form = new FormData();
  for (const [key, value] of Object.entries(params)) form.append(key, asText(value));
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

export async function sendRaw(url: string, path: string, init: { method?: string; body?: string | Uint8Array; headers?: Record<string, string> }) {
  const body = typeof init.body === "string" || init.body === undefined ? init.body : new Uint8Array(init.body);
  const response = await fetch(`${url}${path}`, { method: init.method ?? "POST", body, headers: init.headers });
  const text = await response.text();
  return { http: response.status, contentType: response.headers.get("content-type"), text, headers: response.headers };
}

export async function send(url: string, path: string, params: Params, options: SendOptions = {}): Promise<LegacyAnswer> {
  const { body, contentType } = await encode(params, options.encoding ?? "json");
  const raw = await sendRaw(url, path, {
    method: options.method,
    body: options.base64 ? body.toString("base64") : body,
    headers: { "content-type": contentType, ...options.headers },
  });
  return { http: raw.http, contentType: raw.contentType, body: JSON.parse(raw.text) as LegacyAnswer["body"], headers: raw.headers };
}

/** A Prisma client whose route registry cannot be read: a fault before any route is identified. */
export function unreadableRegistry(db: Db, error: Error): Db {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== "legacyRoute") return typeof value === "function" ? value.bind(target) : value;
      return { ...(value as object), findMany: () => Promise.reject(error) };
    },
  });
}
