/**
 * The lean tRPC handler must answer exactly as tRPC's own node adapter: the
 * same status, content type, vary, cookies and body for successes, every kind
 * of error, whether the single-call path, resolveResponse or the adapter
 * itself answers (batches of several calls, refusals, the wrong method).
 */
import { appRouter, createUser } from "@plano/api";
import type { TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { apiContext, bothHandlers } from "./side-by-side";

const clock = () => new Date("2026-06-15T15:00:00Z");

describe("createTrpcHandler", () => {
  let database: TestDatabase;
  let token: string;
  let ids: number[];
  let versions: string[];
  let sides: Awaited<ReturnType<typeof bothHandlers<typeof appRouter>>>;

  beforeAll(async () => {
    database = await freshDatabase();
    const world = await smallWorld(database);
    token = await appToken(database);
    const api = callerFor(database, { token, clock });
    ids = [];
    versions = [];
    for (let i = 0; i < 2; i++) {
      const { appointment } = await api.appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-01", timeStartLocal: "10:00" });
      ids.push(appointment.id);
      versions.push(appointment.updatedAtMt);
    }
    await createUser(database.db, { email: "same@example.com", name: "Same Answer", password: "correct horse battery staple" });
    sides = await bothHandlers(appRouter, apiContext(database, { clock }));
  });

  afterAll(async () => {
    await sides.stop();
    await database.drop();
  });

  async function answer(origin: string, path: string, init: RequestInit = {}) {
    const response = await fetch(`${origin}/api/trpc/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      vary: response.headers.get("vary"),
      // A session cookie's value is new each time; its name and attributes must match.
      cookies: response.headers.getSetCookie().map((cookie) => cookie.replace(/=[^;]*/, "=…")),
      body: await response.text(),
    };
  }

  const input = (value: unknown) => encodeURIComponent(JSON.stringify({ 0: { json: value } }));
  const post = (value: unknown, headers: Record<string, string> = { "content-type": "application/json" }) => ({
    method: "POST",
    headers,
    body: typeof value === "string" ? value : JSON.stringify({ 0: { json: value } }),
  });

  const sameAnswer: [string, string, RequestInit?][] = [
    ["a query", `appointment.byId?batch=1&input=${input({ id: 0 })}`],
    ["an unbatched query", `appointment.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: 0 } }))}`],
    ["a missing appointment", `appointment.byId?batch=1&input=${input({ id: 987654 })}`],
    ["an invalid input", `appointment.byId?batch=1&input=${input({ id: "x" })}`],
    ["an unknown procedure", `appointment.nothing?batch=1&input=${input({})}`],
    ["a query sent as POST", "appointment.byId?batch=1", post({ id: 0 })],
    ["a mutation sent as GET", `appointment.update?batch=1&input=${input({ id: 0, updatedAtMt: "x", patch: {} })}`],
    ["a stale version", "appointment.update?batch=1", post({ id: 0, updatedAtMt: "2020-01-01T00:00:00.000Z", patch: { notes: "x" } })],
    ["a body that is not JSON", "appointment.update?batch=1", post("{not json")],
    ["a body of another type", "appointment.update?batch=1", post("id=1", { "content-type": "application/x-www-form-urlencoded" })],
    ["an unbatched mutation's refusal", "appointment.update", post(JSON.stringify({ json: { id: 0, updatedAtMt: "2020-01-01T00:00:00.000Z", patch: {} } }))],
    ["a patch that fails its check, naming the field", "appointment.update?batch=1", post({ id: 0, updatedAtMt: "x", patch: { timeDurationS: -5 } })],
    ["a mutation without its input", "appointment.update?batch=1", post("{}")],
    ["an unbatched unknown procedure", `appointment.nothing?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`],
    ["a percent-encoded procedure path", `appointment%2EbyId?batch=1&input=${input({ id: 0 })}`],
    ["a batch that is not an object", `appointment.byId?batch=1&input=${encodeURIComponent("[1]")}`],
    ["a query without input", "auth.me?batch=1&input=%7B%7D"],
    ["a call without credentials", `appointment.byId?batch=1&input=${input({ id: 0 })}`, { headers: { authorization: "" } }],
    ["a sign-in that sets the session cookie", "auth.login?batch=1", post({ email: "same@example.com", password: "correct horse battery staple" })],
    ["a sign-in with a malformed email", "auth.login?batch=1", post({ email: "not an email", password: "x" })],
    ["a subscription asked for as a query", `appointment.onChange?batch=1&input=${input({})}`],
    [
      "a batch of two",
      `appointment.byId,appointment.byId?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { id: 0 } }, 1: { json: { id: 987654 } } }))}`,
    ],
  ];

  it.each(sameAnswer)("answers %s as tRPC's adapter does", async (name, path, init) => {
    const withId = path.replaceAll("%22id%22%3A0", `%22id%22%3A${ids[0]}`);
    const body = typeof init?.body === "string" ? init.body.replace('"id":0', `"id":${ids[0]}`) : init?.body;
    const lean = await answer(sides.lean.origin, withId, { ...init, body });
    const adapter = await answer(sides.adapter.origin, withId, { ...init, body });
    expect(lean).toEqual(adapter);
    if (name.includes("cookie")) expect(lean.cookies).toEqual(["plano_session=…; Path=/; SameSite=Lax; HttpOnly; Max-Age=604800"]);
  });

  it("answers a successful update as tRPC's adapter does (each on its own, identical appointment)", async () => {
    const update = (i: number) => post({ id: ids[i], updatedAtMt: versions[i], patch: { notes: "same" } });
    // The two appointments differ only in id and uuid.
    const normal = ({ body, ...rest }: Awaited<ReturnType<typeof answer>>) => ({
      ...rest,
      body: JSON.parse(body, (key, value) => (key === "uuid" ? "uuid" : key === "id" && ids.includes(value) ? "id" : value)),
    });
    const lean = await answer(sides.lean.origin, "appointment.update?batch=1", update(0));
    const adapter = await answer(sides.adapter.origin, "appointment.update?batch=1", update(1));
    expect(lean.status).toBe(200);
    expect(normal(lean)).toEqual(normal(adapter));
  });
});
