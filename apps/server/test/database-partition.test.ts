/**
 * A network partition between the API server and PostgreSQL: packets dropped,
 * not refused. The test puts a TCP proxy it controls between them and, at
 * will, black-holes it (connections are accepted, nothing is forwarded).
 * While the database is unreachable, requests must fail promptly with
 * application-crash instead of hanging for a minute, /healthz must say so and
 * /readyz answer 503; once the proxy forwards again, the server recovers by itself.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { createDb, type Db } from "@plano/db";
import type { TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { appToken, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { createApiServer } from "../src/http";
import { listenOnLoopback, type Listening } from "./listening";

vi.setConfig({ testTimeout: 120_000 });

/** A TCP proxy to PostgreSQL that forwards, or swallows everything in both directions. */
async function partitionableProxy(target: { host: string; port: number }) {
  let blackHoled = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    // A connection opened during the partition never reaches the server.
    if (blackHoled) return void client.on("data", () => {});
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    upstream.on("close", () => client.destroy());
    client.on("close", () => upstream.destroy());
    // Bytes are forwarded only while there is no partition; lost ones are lost for good on this connection.
    client.on("data", (chunk) => void (blackHoled || upstream.write(chunk)));
    upstream.on("data", (chunk) => void (blackHoled || client.write(chunk)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    partition: () => {
      blackHoled = true;
    },
    heal: () => {
      blackHoled = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

let database: TestDatabase;
let proxy: Awaited<ReturnType<typeof partitionableProxy>>;
let db: Db;
let api: Listening | undefined;
let origin: string;
let token: string;

/** Fails the test instead of hanging: an answer that takes longer is the bug under test (60 s before). */
const HANG_MS = 20_000;

async function rest(path: string) {
  const response = await fetch(`${origin}/api/v1/appointments/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, application: "planoorder", limit: 5 }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  return { http: response.status, body: (await response.json()) as { status: string; message: string } };
}

async function trpc() {
  const response = await fetch(`${origin}/api/trpc/appointment.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`, {
    headers: { authorization: `Bearer ${token}`, "x-plano-application": "planoorder" },
    signal: AbortSignal.timeout(HANG_MS),
  });
  return response.status;
}

const probe = async (path: "/healthz" | "/readyz") => {
  const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(HANG_MS) });
  return { http: response.status, body: (await response.json()) as { ok: boolean; database: string } };
};

beforeAll(async () => {
  database = await freshDatabase();
  await smallWorld(database);
  token = await appToken(database, "planoorder");
  const url = new URL(database.url);
  proxy = await partitionableProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.port = String(proxy.port);
  // Short limits so the test is quick; production defaults are in SERVER_DB_DEFAULTS.
  db = createDb(url.toString(), { poolSize: 4, connectTimeoutMs: 1_000, statementTimeoutMs: 1_500, transactionMaxWaitMs: 2_000 });
  api = await listenOnLoopback(createApiServer({ db }));
  origin = api.origin;
});

afterAll(async () => {
  await api?.stop();
  await db?.$disconnect().catch(() => {});
  await proxy?.close();
  await database?.drop();
});

describe("a network partition to PostgreSQL", () => {
  it("answers application-crash promptly while it lasts, reports it on /healthz and /readyz, and recovers by itself", async () => {
    // Healthy: pooled connections are open through the proxy.
    await Promise.all(Array.from({ length: 4 }, () => rest("list")));
    expect((await rest("list")).body.status).toBe("action-successful");
    expect(await probe("/readyz")).toEqual({ http: 200, body: { ok: true, database: "up" } });

    proxy.partition();
    // Requests on the pooled (now dead) connections and on new ones both end, as application-crash.
    const during = await Promise.all(Array.from({ length: 6 }, () => rest("list")));
    for (const answer of during) expect(answer).toMatchObject({ http: 500, body: { status: "application-crash" } });
    expect(await trpc()).toBe(500);
    expect(await probe("/healthz")).toEqual({ http: 200, body: { ok: false, database: "down" } });
    expect(await probe("/readyz")).toEqual({ http: 503, body: { ok: false, database: "down" } });

    proxy.heal();
    // No restart, no operator: the next requests find the database again.
    await vi.waitFor(async () => expect((await probe("/readyz")).http).toBe(200), { timeout: 30_000, interval: 250 });
    const after = await Promise.all(Array.from({ length: 8 }, () => rest("list")));
    for (const answer of after) expect(answer.body.status).toBe("action-successful");
    expect(await trpc()).toBe(200);
    expect(await probe("/healthz")).toEqual({ http: 200, body: { ok: true, database: "up" } });
  });
});
