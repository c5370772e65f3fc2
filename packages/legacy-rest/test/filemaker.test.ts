/**
 * Requests as FileMaker's "Insert from URL" sends them: form-encoded and
 * multipart bodies, every value a string, US dates with month_first, 1/0
 * booleans, 12-hour times, empty fields that clear, retried creates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock, userWithSession } from "@plano/testing/fixtures";
import { type LegacyWorld, openLegacyWorld, send, type Encoding, type Params } from "./harness";

const clock = testClock(new Date("2026-06-15T15:00:00Z"));
let { database, world, token, server, close } = {} as LegacyWorld;
beforeAll(async () => ({ database, world, token, server, close } = await openLegacyWorld(clock.now)));
afterAll(() => close());

const call = (route: string, params: Params, encoding: Encoding = "form", headers?: Record<string, string>) =>
  send(server.url, `/api/v1/appointments/${route}`, { token, ...params }, { encoding, headers });

async function succeeded(answer: ReturnType<typeof call>) {
  const { body, http } = await answer;
  expect({ http, status: body.status, message: body.message }).toEqual({ http: 200, status: "action-successful", message: expect.any(String) });
  return body;
}

/** An appointment of the Denver office on July 1st, 10:00, unless the params say otherwise. */
async function created(params: Params = {}, encoding: Encoding = "form") {
  const when = { date_start_local: "2026-07-01", time_start_local: "10:00" };
  const body = await succeeded(call("create", { office_id: String(world.denver.id), ...when, ...params }, encoding));
  return body.data!.appointment;
}

describe.each(["form", "multipart"] as const)("a %s body", (encoding) => {
  it("reads month_first dates, 12-hour times, 1/0 booleans and numeric text, and answers in the same spelling", async () => {
    const appointment = await created(
      {
        month_first: "1",
        date_start_local: "07/04/2026",
        time_start_local: "2:30 PM",
        time_duration_s: "5400",
        optional: "1",
        ready_to_schedule: "0",
        window_time_start: " 540 ",
        requested_date: "7/3/2026",
        requested_time: "9:05 am",
        summary: "Porch shoot",
      },
      encoding,
    );
    expect(appointment).toMatchObject({
      date_start_local: "07/04/2026",
      time_start_local: "14:30:00",
      date_stop_local: "07/04/2026",
      time_stop_local: "16:00:00",
      date_start_utc: "07/04/2026",
      time_start_utc: "20:30:00",
      time_duration: "1:30",
      optional: true,
      ready_to_schedule: false,
      window_time_start: 540,
      requested_date: "07/03/2026",
      requested_time: "09:05:00",
      summary: "Porch shoot",
      created_at: "06/15/2026 15:00:00",
      starts_at: "07/04/2026 20:30:00",
    });
    // The version is spelled like every other timestamp of a month_first reply, and can be sent back as it is.
    expect(appointment.updated_at_mt).toBe("06/15/2026 15:00:00");
  });

  it("clears a field sent empty: text becomes null, a checkbox false; other fields are left alone", async () => {
    const appointment = await created({ notes: "Beware of the dog", optional: "yes", location: "12 Elm St" }, encoding);
    const body = await succeeded(call("update", { id: String(appointment.id), updated_at_mt: appointment.updated_at_mt, notes: "", optional: "" }, encoding));
    expect(body.data!.appointment).toMatchObject({ notes: null, optional: false, location: "12 Elm St" });
  });
});

describe("values", () => {
  it("reads booleans in any case and spelling FileMaker uses, and names the parameter of one it cannot read", async () => {
    const appointment = await created({ confirmed: "TRUE", optional: "No", allday: "0" });
    expect(appointment).toMatchObject({ confirmed: true, optional: false, allday: false });
    const { http, body } = await call("update", { id: appointment.id, updated_at_mt: appointment.updated_at_mt, optional: "on" });
    expect({ http, status: body.status, param: body.data?.param }).toEqual({ http: 400, status: "invalid-param", param: "optional" });
    expect(body.message).toBe('optional: expected a boolean: true/false, 1/0 or yes/no, got "on"');
  });

  it("reads 12 AM as midnight and 12 PM as noon, and refuses 13 PM", async () => {
    const midnight = await created({ time_start_local: "12:00 AM", date_stop_local: "2026-07-01", time_stop_local: "12:30 pm" });
    expect(midnight).toMatchObject({ time_start_local: "00:00:00", time_stop_local: "12:30:00" });
    const { body } = await call("create", { office_id: world.denver.id, date_start_local: "2026-07-01", time_start_local: "13:00 PM" });
    expect({ status: body.status, param: body.data?.param }).toEqual({ status: "invalid-param", param: "time_start_local" });
    expect(body.message).toContain("expected a time as HH:MM or HH:MM:SS, 24-hour or with AM/PM");
  });

  it("refuses a US date without month_first, saying how to send it", async () => {
    const { body } = await call("create", { office_id: world.denver.id, date_start_local: "07/04/2026" });
    expect({ status: body.status, param: body.data?.param }).toEqual({ status: "invalid-param", param: "date_start_local" });
    expect(body.message).toContain("MM/DD/YYYY only with month_first");
  });

  it("refuses text PostgreSQL cannot store (NUL, unpaired surrogates) as invalid-param, not a crash", async () => {
    for (const notes of ["before\u0000after", "\ud800"]) {
      const { http, body } = await call("create", { office_id: world.denver.id, allday: "1", date_start_local: "2026-07-01", notes }, "json");
      expect({ http, status: body.status, param: body.data?.param }).toEqual({ http: 400, status: "invalid-param", param: "notes" });
    }
  });

  it("refuses to clear a field that cannot be empty", async () => {
    const appointment = await created();
    const { body } = await call("update", { id: appointment.id, updated_at_mt: appointment.updated_at_mt, office_id: "" });
    expect({ status: body.status, param: body.data?.param }).toEqual({ status: "invalid-param", param: "office_id" });
  });

  it("ignores unknown parameters and server-set fields, and lists them in warnings", async () => {
    const appointment = await created({ layout: "Appointments Detail", created_at: "2020-01-01T00:00:00Z" });
    expect(appointment.created_at).toBe("2026-06-15T15:00:00.000Z");
    const { body } = await call("create", {
      office_id: world.denver.id,
      allday: "1",
      date_start_local: "2026-07-01",
      layout: "x",
      confirmed_at: "2020-01-01T00:00:00Z",
    });
    expect(body.warnings).toEqual([
      { code: "ignored-param", field: "confirmed_at", message: "confirmed_at is set by the server; the value sent was ignored." },
      { code: "unknown-param", field: "layout", message: 'Unknown parameter "layout" was ignored.' },
    ]);
  });

  it("reports a photographer's overlapping appointments in legacy names", async () => {
    const slot = { date_start_local: "2026-08-01", time_start_local: "10:00", time_duration_s: 3600, photographer_user_id: world.ann.id };
    const first = await created(slot);
    const { body } = await call("create", { office_id: world.denver.id, ...slot });
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: "photographer-overlap",
        field: "photographer_user_id",
        overlaps: [expect.objectContaining({ id: first.id, starts_at: "2026-08-01T16:00:00.000Z", stops_at: "2026-08-01T17:00:00.000Z" })],
      }),
    ]);
  });
});

describe("routes", () => {
  it("creates once per request_id or Idempotency-Key, however often FileMaker retries", async () => {
    const params = { office_id: world.denver.id, allday: "yes", date_start_local: "2026-09-01", summary: "Retried" };
    const first = await succeeded(call("create", { ...params, request_id: "fm-42" }));
    const retry = await succeeded(call("create", { ...params, request_id: "fm-42" }));
    expect(retry.data!.appointment.id).toBe(first.data!.appointment.id);

    const viaHeader = await succeeded(call("create", params, "json", { "idempotency-key": "fm-43" }));
    const headerRetry = await succeeded(call("create", params, "json", { "idempotency-key": "fm-43" }));
    expect(headerRetry.data!.appointment.id).toBe(viaHeader.data!.appointment.id);
    expect(await database.db.appointment.count({ where: { summary: "Retried" } })).toBe(2);
  });

  it("finds an appointment by uuid as well as by id", async () => {
    const appointment = await created();
    const byUuid = await succeeded(call("get", { uuid: appointment.uuid }));
    expect(byUuid.data!.appointment.id).toBe(appointment.id);
    const updated = await succeeded(call("update", { uuid: appointment.uuid, updated_at_mt: appointment.updated_at_mt, summary: "By uuid" }));
    expect(updated.data!.appointment.summary).toBe("By uuid");
  });

  it("lists with snake_case filters, month_first dates and cursor paging", async () => {
    const office = await database.db.office.create({ data: { name: "Listing", timeZone: "America/Chicago" } });
    for (const day of ["10", "11", "12"]) await created({ office_id: office.id, date_start_local: `2026-10-${day}`, time_start_local: "09:00" });
    const filters = { office_id: office.id, month_first: "true", date_from_local: "10/11/2026", limit: "1" };

    const first = await succeeded(call("list", filters));
    expect(first.data!.appointments.map((row: { date_start_local: string }) => row.date_start_local)).toEqual(["10/11/2026"]);
    const second = await succeeded(call("list", { ...filters, cursor: first.data!.next_cursor }));
    expect(second.data!.appointments.map((row: { date_start_local: string }) => row.date_start_local)).toEqual(["10/12/2026"]);
    expect(second.data!.next_cursor).toBeNull();
    const latestFirst = await succeeded(call("list", { office_id: office.id, sort: "-starts_at" }));
    expect(latestFirst.data!.appointments.map((row: { date_start_local: string }) => row.date_start_local)).toEqual(["2026-10-12", "2026-10-11", "2026-10-10"]);
  });

  it("confirms and cancels, and tells the history in legacy names", async () => {
    const appointment = await created();
    const confirmed = await succeeded(call("confirm", { id: appointment.id, updated_at_mt: appointment.updated_at_mt }));
    expect(confirmed.data!.appointment).toMatchObject({ confirmed: true, confirmed_by: "planoorder", confirmed_at: "2026-06-15T15:00:00.000Z" });
    const cancelled = await succeeded(call("cancel", { id: appointment.id, cancel_reason: "Client ill", on_site_cancel: "1" }));
    expect(cancelled.data!.appointment).toMatchObject({ cancelled: true, cancel_reason: "Client ill", on_site_cancel: true });

    const history = await succeeded(call("history", { id: appointment.id, month_first: "1" }));
    expect(history.data!.history.map((entry: { action: string }) => entry.action)).toEqual(["cancel", "confirm", "create"]);
    expect(history.data!.history[0]).toMatchObject({
      channel: "rest",
      actor: "planoorder",
      at: "06/15/2026 15:00:00",
      changes: { cancelled: { before: false, after: true }, cancel_reason: { before: null, after: "Client ill" } },
    });
  });

  it("takes the token as a bearer header", async () => {
    const appointment = await created();
    const { body } = await send(server.url, "/api/v1/appointments/get", { id: appointment.id }, { headers: { authorization: `Bearer ${token}` } });
    expect(body.status).toBe("action-successful");
  });
});

describe("session_view", () => {
  it("shows a session basic by default, full on request, or not at all; application tokens have none", async () => {
    const { user, token: sessionToken } = await userWithSession(
      database,
      { employee: true, roles: [{ application: "planoorder", role: "scheduler" }] },
      { now: clock.now() },
    );
    const appointment = await created();
    const get = (params: Params) =>
      send(server.url, "/api/v1/appointments/get", { token: sessionToken, application: "planoorder", id: appointment.id, ...params });

    expect((await get({})).body.session).toEqual({
      user: { id: user.id, email: user.email, name: user.name },
      remember_me: false,
      expires_at: "2026-06-18T15:00:00.000Z",
    });
    expect((await get({ session_view: "full", month_first: "1" })).body.session).toEqual({
      user: { id: user.id, email: user.email, name: user.name },
      remember_me: false,
      expires_at: "06/18/2026 15:00:00",
      created_at: "06/15/2026 15:00:00",
      last_used_at: "06/15/2026 15:00:00",
      roles: [{ application: "planoorder", role: "scheduler" }],
    });
    expect((await get({ session_view: "none" })).body).not.toHaveProperty("session");
    expect((await call("get", { id: appointment.id, session_view: "full" })).body).not.toHaveProperty("session");
  });
});
