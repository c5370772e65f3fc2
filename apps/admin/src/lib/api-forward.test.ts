/**
 * The admin's /api proxy, against a real HTTP server standing in for the API
 * server and against a port where nothing listens (the API server is down).
 * The down answers are read by the clients that would get them: tRPC's own
 * client, a JSON reader of the legacy envelope, a browser's page request.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTRPCUntypedClient, httpBatchLink, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardToApi } from "./api-forward";

const ADMIN = "http://127.0.0.1:3000";
let api: http.Server;
let apiOrigin: string;
let downOrigin: string;
const seen: { method?: string; url?: string; body: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  api = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, body, headers: req.headers });
      res.setHeader("set-cookie", ["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ echoed: body }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiOrigin = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there (connection refused).
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  downOrigin = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => api.close(resolve)));

/** fetch for a tRPC client in the browser: every call goes through the admin's proxy. */
const throughProxy = (origin: string) => (input: RequestInfo | URL, init?: RequestInit) =>
  forwardToApi(new Request(new URL(String(input), ADMIN), init), origin);

describe("the admin's /api proxy while the API server is down", () => {
  it("gives tRPC's client an error it can read, with 502 and Retry-After (single and batched calls)", async () => {
    for (const link of [httpLink, httpBatchLink]) {
      const client = createTRPCUntypedClient({ links: [link({ url: `${ADMIN}/api/trpc`, transformer: superjson, fetch: throughProxy(downOrigin) })] });
      const error = await client.query("appointment.list", { limit: 5 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<never>).message).toMatch(/API server is unreachable/);
      expect((error as TRPCClientError<never>).data).toMatchObject({ code: "BAD_GATEWAY", httpStatus: 502 });
    }
    const raw = await forwardToApi(
      new Request(`${ADMIN}/api/trpc/auth.login`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
      downOrigin,
    );
    expect(raw.status).toBe(502);
    expect(raw.headers.get("retry-after")).toBe("5");
    expect(raw.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("answers a legacy REST call with a JSON envelope (application-crash), not plain text", async () => {
    const answer = await forwardToApi(new Request(`${ADMIN}/api/v1/appointments/list`, { method: "POST", body: "token=x" }), downOrigin);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toMatchObject({ status: "application-crash", message: expect.stringMatching(/API server is unreachable/) });
  });

  it("shows a browser's page request a page that says so and reloads itself", async () => {
    const answer = await forwardToApi(
      new Request(`${ADMIN}/api/v1/openapi.json?x="><script>`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } }),
      downOrigin,
    );
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await answer.text();
    expect(page).toContain("The API server is unreachable.");
    expect(page).toMatch(/<meta http-equiv="refresh" content="5;url=\/api\/v1\/openapi\.json\?x=%22%3E%3Cscript%3E">/);
    expect(page).not.toContain("<script>");
  });
});

describe("the admin's /api proxy while the API server is up", () => {
  it("forwards method, path, query and body, and returns status, body and every cookie", async () => {
    seen.length = 0;
    const answer = await forwardToApi(
      new Request(`${ADMIN}/api/v1/appointments/update?x=1`, {
        method: "POST",
        body: "id=7&notes=hi",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: "plano_session=s" },
      }),
      apiOrigin,
    );
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ echoed: "id=7&notes=hi" });
    expect(answer.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/api/v1/appointments/update?x=1", body: "id=7&notes=hi" });
    expect(seen[0]!.headers).toMatchObject({ cookie: "plano_session=s", "x-forwarded-proto": "http", "content-type": "application/x-www-form-urlencoded" });
  });

  it("passes on the X-Forwarded-Proto a TLS proxy in front of the admin set", async () => {
    seen.length = 0;
    await forwardToApi(new Request(`${ADMIN}/api/trpc/auth.me`, { headers: { "x-forwarded-proto": "https" } }), apiOrigin);
    expect(seen[0]!.headers["x-forwarded-proto"]).toBe("https");
  });
});
