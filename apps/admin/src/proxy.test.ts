/**
 * The admin's proxy with generated hostile requests: whatever the path, query,
 * cookies and headers, it never throws, it forwards `/api/trpc/*` and
 * `/api/v1/*` only to the API server's own origin with the path unchanged
 * (no request can point it elsewhere), and it sends every other page without
 * a session to the login page on the admin's own origin.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
let API = "";
const ADMIN = "http://127.0.0.1:4198";
let previous: string | undefined;
/** What reached the stand-in API server: the proxy forwards by hand (lib/api-forward.ts), so the request itself is the evidence. */
const received: string[] = [];
const api = http.createServer((req, res) => {
  received.push(req.url ?? "");
  req.resume();
  res.writeHead(200, { "content-type": "application/json" }).end("{}");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  API = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  previous = process.env.API_URL;
  process.env.API_URL = API;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.API_URL;
  else process.env.API_URL = previous;
  await new Promise((resolve) => api.close(resolve));
});

const segment = fc.oneof(
  fc.constantFrom(
    "api",
    "trpc",
    "v1",
    "..",
    ".",
    "",
    "%2e%2e",
    "%2F",
    "%",
    "%E0%A4%A",
    "\\",
    "@evil.example",
    "evil.example",
    "appointment.list",
    "auth.login",
    "%00",
    "é",
  ),
  fc.string({ maxLength: 10 }).map((text) => encodeURIComponent(text)),
);
const path = fc.oneof(
  fc
    .tuple(fc.constantFrom("/api/trpc/", "/api/v1/", "/", "//", "/api/trpc", "/api/", "/appointments/", "/login"), fc.array(segment, { maxLength: 4 }))
    .map(([prefix, parts]) => prefix + parts.join("/")),
  fc.constantFrom("/api/trpc/..%2F..%2Fsecret", "/api/trpc//evil.example/x", "/api/v1/\\evil.example", "/api/trpc/%2F%2Fevil.example"),
);
const query = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 20 }).map((text) => `?${encodeURIComponent(text)}=1`),
  fc.constantFrom("?input=%7B%7D&batch=1", "?next=//evil.example", "?%", "?a=%E0%A4%A"),
);
const headerValue = fc.string({ maxLength: 30 }).map((text) => text.replace(/[^\x20-\x7e]/g, ""));
const headers = fc.record(
  {
    cookie: fc.oneof(fc.constantFrom("plano_session=x", "plano_session=%", "plano_session=%E0%A4%A", "=;;=", "plano_session="), headerValue),
    host: fc.oneof(fc.constantFrom("evil.example", "127.0.0.1:4198", "a b", "["), headerValue),
    "x-forwarded-host": fc.oneof(fc.constantFrom("evil.example", "127.0.0.1:1"), headerValue),
    "x-request-id": headerValue,
    "content-type": headerValue,
  },
  { requiredKeys: [] },
);

describe(`the admin proxy with ${RUNS} hostile requests`, () => {
  it("never throws, and forwards only to the API server, path unchanged", async () => {
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(path, query, headers, fc.constantFrom("GET", "POST", "PUT", "DELETE"), async (pathname, search, sent, method) => {
        let request: NextRequest;
        try {
          request = new NextRequest(`${ADMIN}${pathname}${search}`, { method, headers: sent });
        } catch {
          return; // a URL or header no client can send
        }
        received.length = 0;
        const response = await proxy(request);
        const actual = request.nextUrl;
        if (actual.pathname.startsWith("/api/trpc/") || actual.pathname.startsWith("/api/v1/")) {
          forwarded += 1;
          expect(response.status).toBe(200);
          expect(received).toEqual([actual.pathname + actual.search]);
          return;
        }
        expect(received).toEqual([]);
        expect(response.headers.get("x-middleware-rewrite")).toBeNull();
        const location = response.headers.get("location");
        // (Next spells 127.0.0.1 as localhost in nextUrl; the request's own origin is the reference.)
        if (location) expect(new URL(location).origin).toBe(new URL(request.url).origin);
      }),
      { numRuns: RUNS },
    );
    expect(forwarded).toBeGreaterThan(RUNS / 10);
  }, 180_000);
});
