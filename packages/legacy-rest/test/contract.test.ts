/**
 * The seed page's contract: every status, reached for the reason the seed
 * gives, with its HTTP code and, where one is at fault, the parameter named.
 */
import { OutboxMailer } from "@plano/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeMandrill, type FakeMandrill } from "@plano/testing/fake-mandrill";
import { appToken, testClock, userWithSession } from "@plano/testing/fixtures";
import { setRouteSwitches, setServiceDeployed } from "../src";
import {
  type LegacyWorld,
  openLegacyWorld,
  send,
  sendRaw,
  startApiServer,
  startLegacyHandler,
  unreadableRegistry,
  type LegacyAnswer,
  type TestServer,
} from "./harness";

const DAY = 24 * 60 * 60 * 1000;
const clock = testClock(new Date("2026-06-15T15:00:00Z"));

let { database, world, token, server, close } = {} as LegacyWorld;
beforeAll(async () => ({ database, world, token, server, close } = await openLegacyWorld(clock.now)));
afterAll(() => close());

/**
 * Each status's HTTP code, transcribed from the seed page ("Responses" of
 * ../shared/seed/000_94fd69323120b2c8.txt), NOT taken from the implementation's
 * table: a code changed there must fail here. The seed lists the "Uncommon
 * Responses" without a code and has no update-conflict; for those the codes
 * below are the ones our OpenAPI document promises (marked "ours").
 */
const seedHttpCodes = {
  "action-successful": 200,
  "invalid-token": 401,
  "session-expired": 401,
  "client-required": 401,
  "missing-param": 400,
  "invalid-param": 400,
  "application-crash": 500,
  "mandrill-email-failed": 500,
  "invalid-content-type": 400,
  "route-non-existent": 500,
  // Uncommon in the seed, which gives them no code (ours):
  "no-params-decoded": 400,
  "invalid-encoded-params": 400,
  "route-not-found": 404,
  "identify-request-error": 500,
  "service-not-found": 503,
  // Beyond the seed (ours):
  "update-conflict": 409,
  // Sign-in throttling (RFC 6585 §4: 429 Too Many Requests); no REST route signs in yet.
  "too-many-attempts": 429,
} as const;

/** The status, its HTTP code as the seed gives it, and the parameter named (if any). */
function expectStatus(answer: LegacyAnswer, status: keyof typeof seedHttpCodes, param?: string) {
  expect({ status: answer.body.status, http: answer.http }).toEqual({ status, http: seedHttpCodes[status] });
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(typeof answer.body.message).toBe("string");
  if (param !== undefined) {
    expect(answer.body.data?.param).toBe(param);
    expect(answer.body.message).toContain(param);
  }
}

async function newAppointment(fields: Record<string, unknown> = {}) {
  const answer = await send(server.url, "/api/v1/appointments/create", {
    token,
    office_id: world.denver.id,
    date_start_local: "2026-07-01",
    time_start_local: "10:00",
    time_duration_s: 3600,
    ...fields,
  });
  expectStatus(answer, "action-successful");
  return answer.body.data!.appointment as { id: number; uuid: string; updated_at_mt: string; [field: string]: unknown };
}

const update = (params: Record<string, unknown>) => send(server.url, "/api/v1/appointments/update", params);

describe("the seed's status table", () => {
  it("every status the adapter can answer is in the transcribed table, with the seed's code", async () => {
    const { legacyStatuses } = await import("../src/statuses");
    const implemented = Object.fromEntries(Object.entries(legacyStatuses).map(([status, { http }]) => [status, http]));
    expect(implemented).toEqual(seedHttpCodes);
  });
});

describe("common statuses", () => {
  it("action-successful 200: the update is applied and the record returned with id, uuid and updated_at_mt", async () => {
    const appointment = await newAppointment();
    const answer = await update({ token, id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "Gate code 1234" });
    expectStatus(answer, "action-successful");
    expect(answer.body.data!.appointment).toMatchObject({ id: appointment.id, uuid: appointment.uuid, notes: "Gate code 1234" });
    expect(answer.body.data!.appointment.updated_at_mt).not.toBe(appointment.updated_at_mt);
    expect(answer.body.warnings).toEqual([]);
  });

  it("invalid-token 401: the authentication token passed is invalid", async () => {
    expectStatus(await update({ token: "pla_not-a-real-token", id: 1, updated_at_mt: "x" }), "invalid-token");
    expectStatus(await update({ token: "garbage", id: 1, updated_at_mt: "x" }), "invalid-token");
  });

  it("session-expired 401: a session older than seven days, or unused for 72 hours; remember-me sessions last", async () => {
    const staff = { employee: true, roles: [{ application: "planoauth" as const, role: "scheduler" as const }] };
    const old = await userWithSession(database, staff, { now: new Date(clock.now().getTime() - 8 * DAY) });
    const idle = await userWithSession(database, staff, { now: new Date(clock.now().getTime() - 73 * 60 * 60 * 1000) });
    const remembered = await userWithSession(database, staff, { now: new Date(clock.now().getTime() - 30 * DAY), rememberMe: true });
    const appointment = await newAppointment();
    const get = (sessionToken: string) => send(server.url, "/api/v1/appointments/get", { token: sessionToken, id: appointment.id });

    expectStatus(await get(old.token), "session-expired");
    expectStatus(await get(idle.token), "session-expired");
    expectStatus(await get(remembered.token), "action-successful");
  });

  it("client-required 401: a user with no client, employee or liaison record, still with the session; client_register fixes it", async () => {
    const { user, token: sessionToken } = await userWithSession(database, { name: "New Person" }, { now: clock.now() });
    const answer = await send(server.url, "/api/v1/appointments/list", { token: sessionToken });
    expectStatus(answer, "client-required");
    // The seed: the session is returned "because a session token is needed to register as a user".
    expect(answer.body.session).toMatchObject({ user: { id: user.id, name: "New Person" }, remember_me: false, token: sessionToken });

    // users/client_register is a sensitive route: its body is base64-encoded.
    const registered = await send(server.url, "/api/v1/users/client_register", { token: sessionToken }, { base64: true });
    expectStatus(registered, "action-successful");
    expect(registered.body.data!.client_id).toEqual(expect.any(Number));
    expect(registered.body.session).toMatchObject({ user: { id: user.id } });
    expectStatus(await send(server.url, "/api/v1/appointments/list", { token: sessionToken }), "action-successful");
  });

  it("missing-param 400: a required param was not passed", async () => {
    const appointment = await newAppointment();
    expectStatus(await update({ token, id: appointment.id, notes: "x" }), "missing-param", "updated_at_mt");
    expectStatus(await update({ token, updated_at_mt: appointment.updated_at_mt, notes: "x" }), "missing-param", "id");
    expectStatus(await update({ id: appointment.id, updated_at_mt: appointment.updated_at_mt }), "missing-param", "token");
    expectStatus(await send(server.url, "/api/v1/appointments/create", { token, notes: "x" }), "missing-param", "office_id");
    expectStatus(await send(server.url, "/api/v1/appointments/cancel", { token, id: appointment.id }), "missing-param", "cancel_reason");
  });

  it("invalid-param 400: a param was invalid, e.g. an id that doesn't exist", async () => {
    expectStatus(await send(server.url, "/api/v1/appointments/get", { token, id: 987_654 }), "invalid-param", "id");
    const appointment = await newAppointment();
    const stale = { token, id: appointment.id, updated_at_mt: appointment.updated_at_mt };

    const application = await update({ ...stale, application: "planozz" });
    expectStatus(application, "invalid-param", "application");
    expect(application.body.message).toContain("planoauth, planoorder, planox2");

    const date = await update({ ...stale, date_start_local: "07/04/2026" });
    expectStatus(date, "invalid-param", "date_start_local");
    expect(date.body.message).toContain("MM/DD/YYYY only with month_first");

    expectStatus(await update({ ...stale, office_id: 999_999 }), "invalid-param", "office_id");
    expectStatus(await update({ ...stale, window_time_start: 2000 }), "invalid-param", "window_time_start");
    expectStatus(await update({ ...stale, session_view: "everything" }), "invalid-param", "session_view");
  });

  it("invalid-param 400: the application's role may not do this, or the id is not one the caller may see", async () => {
    const appointment = await newAppointment({ order_id: world.otherOrder.id });
    const viewer = await appToken(database, "planox2", "viewer");
    const denied = await update({ token: viewer, application: "planox2", id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "x" });
    expectStatus(denied, "invalid-param", "application");
    expect(denied.body.message).toContain("appointments:write");

    const { token: clientToken } = await userWithSession(database, { client: true }, { now: clock.now() });
    expectStatus(await send(server.url, "/api/v1/appointments/get", { token: clientToken, id: appointment.id }), "invalid-param", "id");
  });

  it("invalid-content-type 400: the params could not be read because of the content-type", async () => {
    const answer = await sendRaw(server.url, "/api/v1/appointments/get", { body: "token=x", headers: { "content-type": "text/plain" } });
    expect(answer.http).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ status: "invalid-content-type" });
    const none = await sendRaw(server.url, "/api/v1/appointments/get", { body: Buffer.from("token=x") });
    expect(JSON.parse(none.text)).toMatchObject({ status: "invalid-content-type" });
  });

  it("route-non-existent 500: the HTTP route does not exist", async () => {
    expectStatus(await send(server.url, "/api/v1/appointments/delete", { token }), "route-non-existent");
    expectStatus(await send(server.url, "/api/v1", { token }), "route-non-existent");
    const wrongMethod = await sendRaw(server.url, "/api/v1/appointments/get?token=x", { method: "GET" });
    expect({ http: wrongMethod.http, status: JSON.parse(wrongMethod.text).status }).toEqual({ http: 500, status: "route-non-existent" });
  });

  it("update-conflict 409 (beyond the seed): updated_at_mt is stale; the current record comes back", async () => {
    const appointment = await newAppointment();
    expectStatus(await update({ token, id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "first" }), "action-successful");
    const answer = await update({ token, id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "second" });
    expectStatus(answer, "update-conflict", "updated_at_mt");
    expect(answer.body.data!.appointment).toMatchObject({ id: appointment.id, notes: "first" });
  });
});

describe("uncommon statuses", () => {
  it("no-params-decoded 400: the body was decoded, but no params were found", async () => {
    expectStatus(await send(server.url, "/api/v1/appointments/list", {}), "no-params-decoded");
    expectStatus(await send(server.url, "/api/v1/appointments/list", {}, { encoding: "form" }), "no-params-decoded");
    // A bearer token counts as a parameter: a list needs nothing else.
    expectStatus(await send(server.url, "/api/v1/appointments/list", {}, { headers: { authorization: `Bearer ${token}` } }), "action-successful");
  });

  it("invalid-encoded-params 400: a sensitive route's body is not base64, or a body does not decode", async () => {
    const { token: sessionToken } = await userWithSession(database, {}, { now: clock.now() });
    expectStatus(await send(server.url, "/api/v1/users/client_register", { token: sessionToken }), "invalid-encoded-params");
    const malformed = await sendRaw(server.url, "/api/v1/appointments/list", { body: '{"token": ', headers: { "content-type": "application/json" } });
    expect({ http: malformed.http, status: JSON.parse(malformed.text).status }).toEqual({ http: 400, status: "invalid-encoded-params" });
  });

  describe("the route registry", () => {
    let bare: TestServer;
    beforeAll(async () => {
      bare = await startLegacyHandler({ db: database.db, clock: clock.now });
    });
    afterAll(() => bare.close());

    it("route-not-found 404: the route record is not deployed", async () => {
      await setRouteSwitches(database.db, "/api/v1/appointments/list", { deployed: false });
      try {
        expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }), "route-not-found");
        expectStatus(await send(bare.url, "/api/v1/appointments/get", { token, id: 987_654 }), "invalid-param", "id");
      } finally {
        await setRouteSwitches(database.db, "/api/v1/appointments/list", { deployed: true });
      }
      expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }), "action-successful");
    });

    it("service-not-found 503: the route's API service record is not deployed", async () => {
      await setServiceDeployed(database.db, "appointments", false);
      try {
        expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }), "service-not-found");
      } finally {
        await setServiceDeployed(database.db, "appointments", true);
      }
      expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }), "action-successful");
    });

    it("a route switched to sensitive takes base64 bodies only", async () => {
      await setRouteSwitches(database.db, "appointments/list", { sensitive: true });
      try {
        expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }), "invalid-encoded-params");
        expectStatus(await send(bare.url, "/api/v1/appointments/list", { token }, { base64: true, encoding: "form" }), "action-successful");
      } finally {
        await setRouteSwitches(database.db, "appointments/list", { sensitive: false });
      }
    });
  });

  it("identify-request-error 500: an internal error before the route could be identified", async () => {
    const logged: string[] = [];
    const broken = unreadableRegistry(database.db, new Error("connection terminated unexpectedly"));
    const bare = await startLegacyHandler({ db: broken, log: (message) => logged.push(message) });
    try {
      const answer = await send(bare.url, "/api/v1/appointments/list", { token }, { headers: { "x-request-id": "req-identify-1" } });
      expectStatus(answer, "identify-request-error");
      expect(answer.body.message).toContain("req-identify-1");
      expect(answer.body.message).not.toContain("connection terminated");
      expect(logged.some((line) => line.includes("req-identify-1"))).toBe(true);
    } finally {
      await bare.close();
    }
  });
});

describe("server-side failures", () => {
  it("application-crash 500: logged with a request id the message quotes; no stack or SQL leaks", async () => {
    const logged: { message: string; error: unknown }[] = [];
    const sql = 'Invalid `prisma.appointment.findUnique()`: SELECT "password_hash" FROM "user"';
    // The fault: a clock that throws, as any dependency of a procedure might, with a message no caller should see.
    const bare = await startLegacyHandler({
      db: database.db,
      clock: () => {
        throw new Error(sql);
      },
      log: (message, error) => logged.push({ message, error }),
    });
    try {
      const answer = await send(bare.url, "/api/v1/appointments/get", { token, id: 1 });
      expectStatus(answer, "application-crash");
      const requestId = answer.headers.get("x-request-id")!;
      expect(answer.body.message).toContain(requestId);
      expect(JSON.stringify(answer.body)).not.toMatch(/SELECT|password_hash|prisma|at .*\.ts/);
      expect(logged).toEqual([expect.objectContaining({ message: expect.stringContaining(requestId) })]);
    } finally {
      await bare.close();
    }
  });

  describe("mandrill-email-failed 500", () => {
    let mandrill: FakeMandrill;
    let mailing: TestServer;
    beforeAll(async () => {
      mandrill = await startFakeMandrill();
      const mailer = new OutboxMailer({
        mandrill: { apiKey: "k", baseUrl: mandrill.baseUrl, fromEmail: "a@plano.test", fromName: "Plano", timeoutMs: 2_000 },
        clock: clock.now,
      });
      mailing = await startApiServer({ db: database.db, clock: clock.now, mailer });
    });
    afterAll(async () => {
      await mailing.close();
      await mandrill.close();
    });

    it("the client email failed: the change is saved and returned, and a notification is stored", async () => {
      mandrill.setMode("error");
      const appointment = await newAppointment({ order_id: world.order.id });
      const answer = await send(mailing.url, "/api/v1/appointments/confirm", { token, id: appointment.id });
      expectStatus(answer, "mandrill-email-failed");
      expect(answer.body.data!.appointment).toMatchObject({ id: appointment.id, confirmed: true, confirmed_by: "planoorder" });

      const stored = await database.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
      expect(stored.confirmed).toBe(true);
      const notices = await database.db.notification.findMany({ where: { appointmentId: appointment.id } });
      expect(notices).toEqual([expect.objectContaining({ kind: "email-failed", resolvedAt: null })]);
    });

    it("the email went out: action-successful", async () => {
      mandrill.setMode("accept");
      const appointment = await newAppointment({ order_id: world.order.id });
      const answer = await send(mailing.url, "/api/v1/appointments/cancel", { token, id: appointment.id, cancel_reason: "Rain" });
      expectStatus(answer, "action-successful");
      expect(answer.body.data!.appointment).toMatchObject({ cancelled: true, cancel_reason: "Rain" });
      expect(mandrill.received.at(-1)!.message.to[0]!.email).toBe(world.client.email);
    });
  });
});
