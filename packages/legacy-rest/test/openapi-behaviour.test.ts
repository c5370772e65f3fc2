/**
 * The OpenAPI document says what the server does (issue 9): real replies,
 * month_first ones included, hold against its response schemas; every example
 * it gives is accepted, and spellings its request schemas refuse are refused
 * by the server too; the security it declares is the security applied.
 */
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock, userWithSession } from "@plano/testing/fixtures";
import { buildOpenApiDocument } from "../src";
import { type LegacyAnswer, type LegacyWorld, openLegacyWorld, send, type Params } from "./harness";

const clock = testClock(new Date("2026-06-15T15:00:00.250Z"));
let { database, world, token, server, close } = {} as LegacyWorld;
beforeAll(async () => ({ database, world, token, server, close } = await openLegacyWorld(clock.now)));
afterAll(() => close());

const document = buildOpenApiDocument() as any;
const ajv = new Ajv2020({ strict: false, allErrors: true });
const post = (route: string) => document.paths[`/api/v1/appointments/${route}`].post;

/** The response schema of a route for an HTTP code, with the document's components to resolve its $refs. */
function responseValidator(route: string, http: number) {
  const schema = post(route).responses[String(http)].content["application/json"].schema;
  return ajv.compile({ ...schema, components: document.components });
}

function expectConforms(route: string, answer: LegacyAnswer) {
  const validate = responseValidator(route, answer.http);
  const valid = validate(answer.body);
  expect(valid ? [] : validate.errors).toEqual([]);
}

const call = (route: string, params: Params) => send(server.url, `/api/v1/appointments/${route}`, { token, ...params });

async function created(params: Params = {}) {
  const answer = await call("create", {
    office_id: world.denver.id,
    date_start_local: "2026-07-01",
    time_start_local: "10:00",
    time_duration_s: 3600,
    ...params,
  });
  expect(answer.body.status).toBe("action-successful");
  return answer.body.data!.appointment;
}

describe("replies hold against the document's response schemas", () => {
  it.each([false, true])("month_first %s: get, list, update, conflict, history", async (monthFirst) => {
    const format = monthFirst ? { month_first: "1" } : {};
    const appointment = await created({ confirmed: true, order_id: world.order.id });
    expectConforms("get", await call("get", { id: appointment.id, ...format }));
    expectConforms("list", await call("list", { date_from_local: "2026-07-01", date_to_local: "2026-07-01", ...format }));
    const updated = await call("update", { id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "x", ...format });
    expectConforms("update", updated);
    const conflict = await call("update", { id: appointment.id, updated_at_mt: appointment.updated_at_mt, notes: "y", ...format });
    expect(conflict.http).toBe(409);
    expectConforms("update", conflict);
    expectConforms("history", await call("history", { id: appointment.id, ...format }));
  });

  it.each([false, true])("month_first %s: a session's reply, and client-required's", async (monthFirst) => {
    const format = monthFirst ? { month_first: "1" } : {};
    const staff = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "scheduler" }] }, { now: clock.now() });
    const appointment = await created();
    expectConforms("get", await send(server.url, "/api/v1/appointments/get", { token: staff.token, id: appointment.id, session_view: "full", ...format }));
    const nobody = await userWithSession(database, { name: "Nobody" }, { now: clock.now() });
    const refused = await send(server.url, "/api/v1/appointments/list", { token: nobody.token, ...format });
    expect(refused.body.status).toBe("client-required");
    expectConforms("list", refused);
  });
});

/** Every example the document gives for a request parameter (also inside anyOf alternatives). */
function examplesOf(schema: any): unknown[] {
  return [...(schema.examples ?? []), ...(schema.anyOf ?? []).flatMap((branch: any) => branch.examples ?? [])];
}

/** Spellings the server refuses, by the parameter's documented type. */
const refusedSpellings: Record<string, string[]> = {
  requested_date: ["2026/07/01", "01.07.2026", "July 1, 2026"],
  requested_time: ["14h30", "2.30 PM", "noon"],
  window_time_start: ["8 o'clock", "8h", "08:00 tomorrow"],
  starts_from: ["2026-07-01 at 14:30", "yesterday", "1751380200"],
};

describe("request schemas accept exactly what the server accepts", () => {
  const cases: [string, string][] = [
    ["update", "requested_date"],
    ["update", "requested_time"],
    ["update", "window_time_start"],
    ["list", "starts_from"],
  ];

  async function outcome(route: string, name: string, value: unknown): Promise<{ schema: boolean; server: boolean }> {
    const params = post(route).requestBody.content["application/x-www-form-urlencoded"].schema;
    const schema = ajv.validate({ ...params.properties[name] }, value) as boolean;
    const extra = route === "update" ? await created().then((a) => ({ id: a.id, updated_at_mt: a.updated_at_mt })) : {};
    const answer = await send(server.url, `/api/v1/appointments/${route}`, { token, month_first: "1", ...extra, [name]: value }, { encoding: "form" });
    const refusedThis = answer.body.status === "invalid-param" && answer.body.data?.param === name;
    expect(refusedThis || answer.body.status === "action-successful").toBe(true);
    return { schema, server: !refusedThis };
  }

  it.each(cases)("%s %s: every documented example is accepted", async (route, name) => {
    const property = post(route).requestBody.content["application/x-www-form-urlencoded"].schema.properties[name];
    const examples = examplesOf(property);
    expect(examples.length).toBeGreaterThan(1);
    for (const example of examples) expect({ example, ...(await outcome(route, name, example)) }).toEqual({ example, schema: true, server: true });
  });

  it.each(cases)("%s %s: spellings the schema refuses are refused by the server", async (route, name) => {
    for (const spelling of refusedSpellings[name]!) {
      expect({ spelling, ...(await outcome(route, name, spelling)) }).toEqual({ spelling, schema: false, server: false });
    }
  });

  it("the unit of window_time_* in its integer form is stated: minutes after local midnight", () => {
    const property = post("update").requestBody.content["application/x-www-form-urlencoded"].schema.properties.window_time_start;
    expect(property["x-unit"]).toBe("minutes after local midnight");
    expect(property.anyOf[0]).toMatchObject({ type: "integer", minimum: 0, maximum: 1440 });
    expect(property.anyOf[0].description).toMatch(/minutes/);
  });
});

describe("the declared security is the security applied", () => {
  it("declares the token parameter, a bearer token and the session cookie with its CSRF header", () => {
    expect(document.security).toEqual([{}, { bearer: [] }, { sessionCookie: [], csrfHeader: [] }]);
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "plano_session" });
    expect(document.components.securitySchemes.csrfHeader).toMatchObject({ type: "apiKey", in: "header", name: "x-plano-csrf" });
  });

  it("authenticates each declared way, and the cookie only with its header", async () => {
    const staff = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "scheduler" }] }, { now: clock.now() });
    const appointment = await created();
    const get = (params: Params, headers: Record<string, string>) =>
      send(server.url, "/api/v1/appointments/get", { id: appointment.id, ...params }, { headers });
    expect((await get({ token }, {})).body.status).toBe("action-successful");
    expect((await get({}, { authorization: `Bearer ${token}` })).body.status).toBe("action-successful");
    const cookie = `plano_session=${encodeURIComponent(staff.token)}`;
    expect((await get({}, { cookie, "x-plano-csrf": "1", "x-plano-application": "planoauth" })).body.status).toBe("action-successful");
    expect((await get({}, { cookie })).body).toMatchObject({ status: "missing-param", data: { param: "token" } });
  });
});
