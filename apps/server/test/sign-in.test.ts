/**
 * Signing in over HTTP, as a browser (through the admin's proxy) or an
 * attacker would: throttling per address and account across API processes,
 * the session cookie's `Secure` flag, and what the answer carries.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { createUser } from "@plano/api";
import { createDb, type Db } from "@plano/db";
import type { TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordFailure } from "../../../packages/api/src/auth/login-throttle";
import { freshDatabase, testClock } from "@plano/testing/fixtures";
import { createApiServer, type ApiServerOptions } from "../src/http";
import { parseServerEnv } from "../src/env";
import { forwardingPolicyFor } from "../src/forwarded";

// Every sign-in runs scrypt (32 MiB, ~0.1 s alone, seconds on a busy shared machine).
vi.setConfig({ testTimeout: 180_000 });

const PASSWORD = "correct horse battery staple";
const clock = testClock(new Date("2026-06-15T15:00:00Z"));
let database: TestDatabase;
let secondDb: Db;
const servers: http.Server[] = [];
let apiA: string;
let apiB: string;
let userCounter = 0;

async function listen(options: ApiServerOptions): Promise<string> {
  const server = createApiServer(options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function newUser(): Promise<string> {
  userCounter += 1;
  const email = `signin${userCounter}.${Date.now()}@example.com`;
  await createUser(database.db, {
    email,
    name: `Signin ${userCounter}`,
    password: PASSWORD,
    employee: true,
    roles: [{ application: "planoauth", role: "scheduler" }],
  });
  return email;
}

interface LoginAnswer {
  status: number;
  retryAfter: string | null;
  setCookie: string[];
  body: {
    result?: { data: { json: Record<string, unknown> } };
    error?: { json: { message: string; data: { code: string; plano: { reason: string } | null } } };
  };
}

/** POST auth.login as the admin's proxy forwards it: from loopback, naming the browser's address. */
async function login(origin: string, email: string, password: string, headers: Record<string, string> = {}): Promise<LoginAnswer> {
  const response = await fetch(`${origin}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: { email, password, rememberMe: false } }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    setCookie: response.headers.getSetCookie(),
    body: (await response.json()) as LoginAnswer["body"],
  };
}
const from = (address: string) => ({ "x-forwarded-for": address });

beforeAll(async () => {
  database = await freshDatabase();
  // A second API process: its own connection pool, sharing only the database.
  secondDb = createDb(database.url, { poolSize: 2 });
  const forwarding = forwardingPolicyFor(parseServerEnv({}));
  apiA = await listen({ db: database.db, clock: clock.now, forwarding });
  apiB = await listen({ db: secondDb, clock: clock.now, forwarding });
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await secondDb?.$disconnect();
  await database?.drop();
});

describe("password guessing", () => {
  it("is slowed per address and account with doubling delays (429 + Retry-After), on every API process, and ends by itself", async () => {
    const email = await newUser();
    const attacker = from("203.0.113.7");
    // Five wrong passwords are free; the sixth starts a delay of 1 s.
    for (let i = 0; i < 6; i++) expect((await login(i % 2 ? apiA : apiB, email, "wrong", attacker)).status).toBe(400);
    const blocked = await login(apiA, email, PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toBe("1");
    expect(blocked.body.error!.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", plano: { reason: "too-many-attempts" } });
    // The other process knows too: the count lives in the database, not in memory.
    expect((await login(apiB, email, PASSWORD, attacker)).status).toBe(429);

    // Each further failure doubles the delay: 2 s, then 4 s.
    clock.advance(1_000);
    expect((await login(apiB, email, "wrong", attacker)).status).toBe(400);
    expect((await login(apiA, email, "wrong", attacker)).retryAfter).toBe("2");
    clock.advance(2_000);
    expect((await login(apiA, email, "wrong", attacker)).status).toBe(400);
    expect((await login(apiB, email, PASSWORD, attacker)).retryAfter).toBe("4");

    // Once the delay is over, the right password works, and the count starts over.
    clock.advance(4_000);
    const after = await login(apiA, email, PASSWORD, attacker);
    expect(after.status).toBe(200);
    expect((await login(apiA, email, "wrong", attacker)).status).toBe(400);
  });

  it("forgets failures an hour after the last one", async () => {
    const email = await newUser();
    const address = from("203.0.113.20");
    for (let i = 0; i < 8; i++) expect((await login(apiA, email, "wrong", address)).status).toBe(i < 6 ? 400 : 429);
    // An hour of quiet: the next failure counts as the first, so it starts no delay.
    clock.advance(61 * 60 * 1000);
    expect((await login(apiA, email, "wrong", address)).status).toBe(400);
    expect((await login(apiA, email, PASSWORD, address)).status).toBe(200);
  });

  it("cannot be used to lock a real user out: another address's failures do not delay them", async () => {
    const victim = await newUser();
    const home = from("198.51.100.10");
    expect((await login(apiA, victim, PASSWORD, home)).status).toBe(200);
    // An attacker fails on the victim's account from one address until it is blocked…
    for (let i = 0; i < 7; i++) await login(apiA, victim, "wrong", from("203.0.113.66"));
    expect((await login(apiA, victim, "wrong", from("203.0.113.66"))).status).toBe(429);
    // …and from 60 more addresses, past the account's own allowance (50). (Recorded as the login records a
    // wrong password, without 60 scrypt runs: each takes seconds on a shared test machine.)
    for (let i = 0; i < 60; i++) await recordFailure(database.db, { email: victim, address: `192.0.2.${i + 1}` }, clock.now());
    // A new address is now held back for this account: distributed guessing is slowed too…
    expect((await login(apiA, victim, PASSWORD, from("192.0.2.200"))).status).toBe(429);
    // …but the victim, from an address they signed in from before, is not.
    expect((await login(apiA, victim, PASSWORD, home)).status).toBe(200);
  });

  it("counts unknown emails like known ones, so throttling does not reveal which exist", async () => {
    const address = from("203.0.113.99");
    const unknown = `nobody.${Date.now()}@example.com`;
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await login(apiA, unknown, "wrong", address));
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 429]);
    expect(answers[0]!.body.error!.json.message).toBe("The email or password is incorrect.");
  });
});

describe("the login answer", () => {
  it("sets the session as an httpOnly cookie and never puts the token in the body", async () => {
    const email = await newUser();
    const answer = await login(apiA, email, PASSWORD, from("198.51.100.30"));
    expect(answer.status).toBe(200);
    const data = answer.body.result!.data.json;
    expect(Object.keys(data)).toEqual(["session"]);
    const cookie = answer.setCookie.find((value) => value.startsWith("plano_session="))!;
    expect(cookie).toMatch(/; HttpOnly/);
    const token = decodeURIComponent(cookie.split(";")[0]!.split("=")[1]!);
    expect(JSON.stringify(answer.body)).not.toContain(token);
    // The cookie alone (with the CSRF header) is the session.
    const me = await fetch(`${apiA}/api/trpc/auth.me`, { headers: { cookie: `plano_session=${encodeURIComponent(token)}`, "x-plano-csrf": "1" } });
    expect(me.status).toBe(200);
  });
});

describe("the session cookie's Secure flag", () => {
  const secureOf = (answer: LoginAnswer) => /;\s*Secure/i.test(answer.setCookie.find((value) => value.startsWith("plano_session="))!);

  it("follows X-Forwarded-Proto from a trusted proxy (the admin app on loopback), whatever NODE_ENV says", async () => {
    const email = await newUser();
    expect(secureOf(await login(apiA, email, PASSWORD, { ...from("198.51.100.40"), "x-forwarded-proto": "https" }))).toBe(true);
    expect(secureOf(await login(apiA, email, PASSWORD, { ...from("198.51.100.40"), "x-forwarded-proto": "http" }))).toBe(false);
    expect(secureOf(await login(apiA, email, PASSWORD, from("198.51.100.40")))).toBe(false);
  });

  it("ignores X-Forwarded-Proto from an untrusted address, and PUBLIC_URL / COOKIE_SECURE decide when set", async () => {
    const email = await newUser();
    const untrusted = await listen({ db: database.db, clock: clock.now, forwarding: forwardingPolicyFor(parseServerEnv({ TRUSTED_PROXIES: "10.9.9.9" })) });
    expect(secureOf(await login(untrusted, email, PASSWORD, { "x-forwarded-proto": "https" }))).toBe(false);
    const publicHttps = await listen({
      db: database.db,
      clock: clock.now,
      forwarding: forwardingPolicyFor(parseServerEnv({ PUBLIC_URL: "https://plano.example.com" })),
    });
    expect(secureOf(await login(publicHttps, email, PASSWORD))).toBe(true);
    const forcedOff = await listen({
      db: database.db,
      clock: clock.now,
      forwarding: forwardingPolicyFor(parseServerEnv({ PUBLIC_URL: "https://plano.example.com", COOKIE_SECURE: "0" })),
    });
    expect(secureOf(await login(forcedOff, email, PASSWORD, { "x-forwarded-proto": "https" }))).toBe(false);
  });
});

describe("signing in or out in a streamed batch (trpc-accept: application/jsonl)", () => {
  // A streamed batch sends its status and headers before any call has ended (HTTP puts headers before the
  // body, RFC 9112), so no call in it can answer with Set-Cookie. The fuzzer found that this ended in a 500
  // after the session was made or deleted; now it is refused first, naming the header, and nothing changes.
  async function streamed(procedure: string, input: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${apiA}/api/trpc/${procedure}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "trpc-accept": "application/jsonl", ...from("198.51.100.90"), ...headers },
      body: JSON.stringify({ 0: { json: input } }),
    });
    const text = await response.text();
    return { setCookie: response.headers.getSetCookie(), text };
  }
  const sessionsOf = async (email: string) => database.db.session.count({ where: { user: { email } } });

  it("refuses auth.login before making a session", async () => {
    const email = await newUser();
    const answer = await streamed("auth.login", { email, password: PASSWORD, rememberMe: false });
    expect(answer.setCookie).toEqual([]);
    expect(answer.text).toContain('"code":"BAD_REQUEST"');
    expect(answer.text).toContain('"reason":"invalid-param"');
    expect(answer.text).toContain('"field":"trpc-accept"');
    expect(answer.text).not.toContain("INTERNAL_SERVER_ERROR");
    expect(await sessionsOf(email)).toBe(0);
  });

  it("refuses auth.logout before ending the session, which keeps working", async () => {
    const email = await newUser();
    const signedIn = await login(apiA, email, PASSWORD, from("198.51.100.91"));
    const cookie = signedIn.setCookie.find((value) => value.startsWith("plano_session="))!.split(";")[0]!;
    const answer = await streamed("auth.logout", undefined, { cookie, "x-plano-csrf": "1" });
    expect(answer.text).toContain('"field":"trpc-accept"');
    expect(answer.text).not.toContain("INTERNAL_SERVER_ERROR");
    expect(await sessionsOf(email)).toBe(1);
    const me = await fetch(`${apiA}/api/trpc/auth.me`, { headers: { cookie, "x-plano-csrf": "1" } });
    expect(me.status).toBe(200);
  });

  it("signs in as before in a plain batch, with trpc-accept naming anything else", async () => {
    const email = await newUser();
    const answer = await streamed("auth.login", { email, password: PASSWORD, rememberMe: false }, { "trpc-accept": "application/json" });
    expect(answer.setCookie.some((value) => value.startsWith("plano_session="))).toBe(true);
    expect(await sessionsOf(email)).toBe(1);
  });
});
