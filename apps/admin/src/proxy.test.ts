/**
 * The admin's proxy with generated hostile requests: whatever the path, query,
 * cookies and headers, it never throws, it forwards `/api/trpc/*` and
 * `/api/v1/*` only to the API server's own origin with the path unchanged
 * (no request can point it elsewhere), and it sends every other page without
 * a session to the login page on the admin's own origin.
 */
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const API = "http://127.0.0.1:4199";
const ADMIN = "http://127.0.0.1:4198";
let previous: string | undefined;

beforeAll(() => {
  previous = process.env.API_URL;
  process.env.API_URL = API;
});
afterAll(() => {
  if (previous === undefined) delete process.env.API_URL;
  else process.env.API_URL = previous;
});

const segment = fc.oneof(
  fc.constantFrom("api", "trpc", "v1", "..", ".", "", "%2e%2e", "%2F", "%", "%E0%A4%A", "\\", "@evil.example", "evil.example", "appointment.list", "auth.login", "%00", "é"),
  fc.string({ maxLength: 10 }).map((text) => encodeURIComponent(text)),
);
const path = fc.oneof(
  fc.tuple(fc.constantFrom("/api/trpc/", "/api/v1/", "/", "//", "/api/trpc", "/api/", "/appointments/", "/login"), fc.array(segment, { maxLength: 4 })).map(
    ([prefix, parts]) => prefix + parts.join("/"),
  ),
  fc.constantFrom("/api/trpc/..%2F..%2Fsecret", "/api/trpc//evil.example/x", "/api/v1/\\evil.example", "/api/trpc/%2F%2Fevil.example"),
);
const query = fc.oneof(fc.constant(""), fc.string({ maxLength: 20 }).map((text) => `?${encodeURIComponent(text)}=1`), fc.constantFrom("?input=%7B%7D&batch=1", "?next=//evil.example", "?%", "?a=%E0%A4%A"));
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
  it("never throws, and forwards only to the API server, path unchanged", () => {
    let forwarded = 0;
    fc.assert(
      fc.property(path, query, headers, fc.constantFrom("GET", "POST", "PUT", "DELETE"), (pathname, search, sent, method) => {
        let request: NextRequest;
        try {
          request = new NextRequest(`${ADMIN}${pathname}${search}`, { method, headers: sent });
        } catch {
          return; // a URL or header no client can send
        }
        const response = proxy(request);
        const actual = request.nextUrl;
        const rewrite = response.headers.get("x-middleware-rewrite");
        if (actual.pathname.startsWith("/api/trpc/") || actual.pathname.startsWith("/api/v1/")) {
          forwarded += 1;
          expect(rewrite).not.toBeNull();
          const target = new URL(rewrite!);
          expect(target.origin).toBe(API);
          expect(target.pathname).toBe(actual.pathname);
          expect(target.search).toBe(actual.search);
          return;
        }
        expect(rewrite).toBeNull();
        const location = response.headers.get("location");
        // (Next spells 127.0.0.1 as localhost in nextUrl; the request's own origin is the reference.)
        if (location) expect(new URL(location).origin).toBe(new URL(request.url).origin);
      }),
      { numRuns: RUNS },
    );
    expect(forwarded).toBeGreaterThan(RUNS / 10);
  });
});
