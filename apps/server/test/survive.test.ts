/**
 * No request can end the API process or starve other clients: hostile Host
 * headers, oversized bodies and batches, malformed encodings, and clients that
 * trickle their bytes. Expected statuses come from the HTTP standard
 * (RFC 9110/9112) and tRPC's documented error codes, quoted where used.
 */
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { createPlanoClient } from "@plano/client";
import type { TestDatabase } from "@plano/testing/database";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { createApiServer, DEFAULT_SLOW_CLIENT_LIMITS, guardRequests, type SlowClientLimits } from "../src/http";

const clock = () => new Date("2026-06-15T15:00:00Z");
const MiB = 1024 * 1024;

let database: TestDatabase;
let token: string;
let officeId: number;
const servers: http.Server[] = [];
const logged: string[] = [];

async function listen(server: http.Server): Promise<{ port: number; origin: string }> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, origin: `http://127.0.0.1:${port}` };
}

function apiServer(slowClients?: SlowClientLimits) {
  return listen(createApiServer({ db: database.db, clock, slowClients, log: (message) => void logged.push(message) }));
}

interface RawAnswer {
  status: number;
  head: string;
  body: string;
  /** The server closed the connection. */
  closed: boolean;
}

/**
 * One request written byte for byte on a socket (fetch would refuse to send a
 * bad Host), then the answer as the server wrote it.
 */
function rawRequest(port: number, head: string, body: Buffer | string = "", { endAfterHead = false } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [headPart = "", ...rest] = text.split("\r\n\r\n");
      let body = rest.join("\r\n\r\n");
      // RFC 9112 §7.1: chunk-size CRLF chunk-data CRLF ... 0 CRLF CRLF
      if (/transfer-encoding: chunked/i.test(headPart)) body = body.replace(/(?:^|\r\n)[0-9a-f]+\r\n/gi, "").replace(/\r\n$/, "");
      resolve({ status: Number(headPart.split(" ")[1]), head: headPart, body, closed: true });
    });
    socket.write(head);
    if (!endAfterHead) socket.write(body);
    // Half-close only after the answer: the server may answer before reading the body.
    socket.setTimeout(10_000, () => socket.destroy());
    setTimeout(() => socket.end(), 2_000).unref();
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  const world = await smallWorld(database);
  officeId = world.denver.id;
  token = await appToken(database);
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await database.drop();
});

describe("a bad Host header", () => {
  // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request
  // message that ... contains a Host header field with an invalid field value."
  const hosts = ["a b", "[", "127.0.0.1:99999", "a/b", "x:y"];
  const paths = [
    ["GET", "/api/trpc/appointment.list?input=%7B%7D"],
    ["POST", "/api/trpc/auth.login"],
    ["POST", "/api/trpc/appointment.create?batch=1"],
    ["GET", "/api/v1/appointments/list"],
    ["GET", "/healthz"],
  ] as const;

  it.each(hosts)("Host: %s is answered 400 with a request id on every door, and the server keeps serving", async (host) => {
    const { port, origin } = await apiServer();
    for (const [method, path] of paths) {
      const body = method === "POST" ? '{"0":{"json":{}}}' : "";
      const head = `${method} ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
      const answer = await rawRequest(port, head, body);
      expect(answer.status, `${method} ${path}`).toBe(400);
      const id = /x-request-id: (\S+)/i.exec(answer.head)?.[1];
      expect(id).toBeTruthy();
      expect(JSON.parse(answer.body).requestId).toBe(id);
    }
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });

  it("a good Host with a port still reaches tRPC", async () => {
    const { port } = await apiServer();
    const head = `GET /api/trpc/appointment.list?input=%7B%22json%22%3A%7B%7D%7D HTTP/1.1\r\nHost: plano.example:443\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`;
    expect((await rawRequest(port, head)).status).toBe(200);
  });
});

describe("one failing request", () => {
  it("is answered 500 with its request id, logged, and does not end the process, whether it throws now or later", async () => {
    const seen: string[] = [];
    const listener = guardRequests(
      (req) => {
        if (req.url === "/sync") throw new Error("thrown synchronously");
        return Promise.reject(new Error("rejected later"));
      },
      (message) => void seen.push(message),
    );
    const { origin } = await listen(http.createServer(listener));
    for (const path of ["/sync", "/async"]) {
      const response = await fetch(`${origin}${path}`, { headers: { "x-request-id": `req-${path.slice(1)}` } });
      expect(response.status).toBe(500);
      expect(response.headers.get("x-request-id")).toBe(`req-${path.slice(1)}`);
      const body = (await response.json()) as { requestId: string; message: string };
      expect(body.requestId).toBe(`req-${path.slice(1)}`);
      expect(body.message).not.toMatch(/thrown|rejected/);
    }
    expect(seen).toEqual([expect.stringContaining("[req-sync]"), expect.stringContaining("[req-async]")]);
  });

  it("a hostile X-Request-Id is replaced by a fresh one, never echoed", async () => {
    const { origin } = await apiServer();
    const response = await fetch(`${origin}/nowhere`, { headers: { "x-request-id": `<script>${"x".repeat(200)}` } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("request size on /api/trpc", () => {
  // tRPC's documented code PAYLOAD_TOO_LARGE is HTTP 413 (RFC 9110 §15.5.14 Content Too Large).
  it("a declared body over 1 MiB is refused with 413 before it is sent, also for an unauthenticated login", async () => {
    const { port, origin } = await apiServer();
    const head = `POST /api/trpc/auth.login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${100 * MiB}\r\n\r\n`;
    // Only the head and 64 KiB are ever sent: the answer must come without the rest.
    const answer = await rawRequest(port, head, Buffer.alloc(64 * 1024, "a"));
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("larger than 1048576 bytes");
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });

  it.each([
    ["a plain call", {}],
    ["a streamed call (tRPC's own adapter)", { "trpc-accept": "application/jsonl" }],
  ])("%s with a JSON body over 1 MiB without a Content-Length (chunked) is refused with 413", async (_name, extra) => {
    const { origin } = await apiServer();
    const big = `{"0":{"json":{"email":"${"a".repeat(MiB + 10)}","password":"x"}}}`;
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(`${origin}/api/trpc/auth.login?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", ...extra },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const text = await response.text();
    // A streamed answer (JSON lines) has begun with 200 before the body is read; its error then carries the code.
    if (extra["trpc-accept" as keyof typeof extra]) expect(text).toContain("PAYLOAD_TOO_LARGE");
    else expect(response.status).toBe(413);
  });

  it("a body just under 1 MiB is read (and judged on its content)", async () => {
    const { origin } = await apiServer();
    const body = JSON.stringify({ 0: { json: { email: "a".repeat(MiB - 100), password: "x" } } });
    const response = await fetch(`${origin}/api/trpc/auth.login?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(response.status).toBe(400);
  });

  it("a body that is not UTF-8 is refused as /api/v1 refuses it, not silently replaced", async () => {
    const { origin } = await apiServer();
    const notes = Buffer.from([0x7b, 0x22, 0x30, 0x22, 0x3a, 0x7b, 0x22, 0x6a, 0x73, 0x6f, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x7d]); // {"0":{"json":"\xff\xfe"}}
    const response = await fetch(`${origin}/api/trpc/appointment.create?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: notes,
    });
    // tRPC's PARSE_ERROR is HTTP 400.
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("not valid UTF-8");
    expect(await database.db.appointment.count()).toBe(0);
  });
});

describe("tRPC batches", () => {
  const batchOf = (count: number) => {
    const paths = Array.from({ length: count }, () => "appointment.list").join(",");
    const inputs = Object.fromEntries(Array.from({ length: count }, (_, i) => [i, { json: { limit: 1 } }]));
    return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
  };

  it(`a batch of more than ${TRPC_MAX_BATCH_CALLS} calls is refused with 400 and says why; ${TRPC_MAX_BATCH_CALLS} are served`, async () => {
    expect(TRPC_MAX_BATCH_CALLS).toBe(25);
    const { origin } = await apiServer();
    const headers = { authorization: `Bearer ${token}` };
    const refused = await fetch(`${origin}${batchOf(200)}`, { headers });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Batch call exceeds maximum size");
    const served = await fetch(`${origin}${batchOf(TRPC_MAX_BATCH_CALLS)}`, { headers });
    expect(served.status).toBe(200);
    expect(((await served.json()) as unknown[]).length).toBe(TRPC_MAX_BATCH_CALLS);
  });

  it("@plano/client splits a longer burst of calls into batches the server takes", async () => {
    const { origin } = await apiServer();
    const plano = createPlanoClient({ url: `${origin}/api/trpc`, token });
    const pages = await Promise.all(Array.from({ length: 60 }, () => plano.appointment.list.query({ limit: 1 })));
    expect(pages).toHaveLength(60);
  });

  it("a batch whose answers add up to more than 16 MiB is refused with 413 instead of sent", async () => {
    const { origin } = await apiServer();
    // 200 appointments of ~21 KB each: one list page of 200 is ~4.3 MB, four of them in a batch exceed 16 MiB.
    await database.db.appointment.createMany({
      data: Array.from({ length: 200 }, () => ({
        officeId,
        timeZoneLocal: "America/Denver",
        description: "d".repeat(10_000),
        notes: "n".repeat(10_000),
        updatedAt: clock(),
      })),
    });
    try {
      const inputs = encodeURIComponent(JSON.stringify(Object.fromEntries([0, 1, 2, 3].map((i) => [i, { json: { limit: 200 } }]))));
      const headers = { authorization: `Bearer ${token}` };
      const one = await fetch(`${origin}/api/trpc/appointment.list?batch=1&input=${inputs}`, { headers });
      expect(one.status).toBe(200);
      const four = await fetch(`${origin}/api/trpc/${Array(4).fill("appointment.list").join(",")}?batch=1&input=${inputs}`, { headers });
      expect(four.status).toBe(413);
      expect(await four.text()).toContain("smaller batches");
    } finally {
      await database.db.appointment.deleteMany({});
    }
  });
});

describe("malformed percent-encoding", () => {
  it("in the tRPC path is a 400, not a 500", async () => {
    const { origin } = await apiServer();
    for (const path of ["appointment.list%", "appointment.list%E0%A4%A", "%ZZ"]) {
      const response = await fetch(`${origin}/api/trpc/${path}?input=%7B%7D`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(400);
    }
  });

  it("in the session cookie is a 401 (no session), not a 500", async () => {
    const { origin } = await apiServer();
    const response = await fetch(`${origin}/api/trpc/appointment.list?input=%7B%7D`, {
      headers: { cookie: "plano_session=%E0%A4%A", "x-plano-csrf": "1" },
    });
    expect(response.status).toBe(401);
  });
});

describe("slow clients", () => {
  it("are cut off by default after 15 s of headers and 30 s of request", async () => {
    const server = createApiServer({ db: database.db });
    expect(DEFAULT_SLOW_CLIENT_LIMITS).toEqual({ headersMs: 15_000, requestMs: 30_000, checkEveryMs: 1_000 });
    expect(server.headersTimeout).toBe(15_000);
    expect(server.requestTimeout).toBe(30_000);
  });

  /**
   * Writes `atOnce`, then `slowly` one byte every 100 ms, far longer than the
   * limits; resolves with the status the server answered and whether it hung
   * up before the trickle was done.
   */
  function trickle(port: number, atOnce: string, slowly: string): Promise<{ status: number; cutEarly: boolean; answer: string }> {
    return new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.write(atOnce);
      const bytes = [...slowly];
      let sent = 0;
      let answer = "";
      const timer = setInterval(() => {
        if (sent < bytes.length && !socket.destroyed) socket.write(bytes[sent++]!);
      }, 100);
      socket.on("data", (chunk) => (answer += chunk.toString()));
      socket.on("error", () => undefined);
      socket.on("close", () => {
        clearInterval(timer);
        resolve({ status: Number(answer.split(" ")[1]), cutEarly: sent < bytes.length, answer });
      });
    });
  }

  it("slow headers and slow bodies are answered 408 and closed, while other clients keep being served", async () => {
    const { port, origin } = await apiServer({ headersMs: 800, requestMs: 1_600, checkEveryMs: 100 });
    const slowHead = trickle(port, "", `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"p".repeat(200)}\r\n\r\n`);
    const body = JSON.stringify({ 0: { json: { email: "a@example.com", password: "p".repeat(200) } } });
    const head = `POST /api/trpc/auth.login?batch=1 HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: slow-body-1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const slowBody = trickle(port, head, body);
    // Meanwhile the server answers everyone else.
    for (let i = 0; i < 5; i++) {
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // RFC 9110 §15.5.9: 408 Request Timeout, and the server closes the connection.
    const [head408, body408] = await Promise.all([slowHead, slowBody]);
    expect(head408).toMatchObject({ status: 408, cutEarly: true });
    expect(body408).toMatchObject({ status: 408, cutEarly: true });
    // Each says why in JSON and names a request id: the one the client sent, once its headers had arrived.
    const said = (answer: string) => ({
      head: answer.slice(0, answer.indexOf("\r\n\r\n")),
      json: JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { error: string; requestId: string },
    });
    expect(said(body408.answer).head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*\r\nX-Request-Id: slow-body-1\r\nConnection: close$/);
    expect(said(body408.answer).json).toEqual({ error: expect.stringMatching(/did not arrive in time/), requestId: "slow-body-1" });
    expect(said(head408.answer).json.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(said(head408.answer).head).toContain(`X-Request-Id: ${said(head408.answer).json.requestId}`);
  });

  it("a body shorter than its Content-Length is a 408 under the request's own id, and the process carries on", async () => {
    const { port, origin } = await apiServer({ headersMs: 800, requestMs: 1_000, checkEveryMs: 100 });
    // The declared length (RFC 9112 §6.2, leading whitespace is not part of the value) promises 5 bytes; 1 comes.
    const answer = await rawRequest(
      port,
      `POST /api/trpc/view.delete HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${token}\r\nX-Request-Id: short-1\r\nContent-Type: application/json; charset=latin1\r\nContent-Length:  5\r\n\r\n`,
      "%",
    );
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
    expect(answer.head).toMatch(/\r\nX-Request-Id: short-1\r\n/i);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringContaining("RFC 9110 §15.5.9"), requestId: "short-1" });
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });
});

describe("requests Node's parser refuses", () => {
  it("are answered with Node's status, a JSON reason and a request id, and the connection closed", async () => {
    const { port } = await apiServer();
    const cases: Array<[string, number]> = [
      // RFC 9112 §3: a request line of three parts; a space in the target is not one.
      ["GET /a b/c HTTP/1.1\r\nHost: localhost", 400],
      // RFC 9112 §6.3: a Content-Length that is not a number.
      ["POST /api/v1/appointments/get HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc", 400],
      // RFC 6585 §5: more header bytes than the server takes (Node's default, 16 KiB).
      [`GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${"p".repeat(20_000)}`, 431],
    ];
    for (const [head, status] of cases) {
      const answer = await rawRequest(port, `${head}\r\n\r\n`);
      expect(answer.status, head.slice(0, 40)).toBe(status);
      expect(answer.closed).toBe(true);
      const json = JSON.parse(answer.body) as { error: string; requestId: string };
      expect(json.error.length).toBeGreaterThan(10);
      expect(answer.head).toMatch(new RegExp(`\\r\\nX-Request-Id: ${json.requestId}\\r\\n`, "i"));
    }
  });
});
