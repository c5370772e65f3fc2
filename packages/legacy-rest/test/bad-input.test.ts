/**
 * Every bad input is a 400 naming the field, through both doors (tRPC over
 * HTTP and the legacy /api/v1), and nothing is written; a row that is already
 * bad in the database never makes a read or a list crash. Statuses: tRPC's
 * BAD_REQUEST is HTTP 400; the seed page's invalid-param/missing-param are 400.
 */
import type { TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { send, sendRaw, startApiServer, type TestServer } from "./harness";

const clock = () => new Date("2026-06-15T15:00:00Z");
let database: TestDatabase;
let server: TestServer;
let token: string;
let officeId: number;
let seeded: { id: number; version: string };

beforeAll(async () => {
  database = await freshDatabase();
  const world = await smallWorld(database);
  officeId = world.denver.id;
  token = await appToken(database);
  server = await startApiServer({ db: database.db, clock });
  const created = await trpc("appointment.create", { officeId, dateStartLocal: "2026-07-01", timeStartLocal: "10:00", summary: "100% sure_thing" });
  seeded = { id: created.body.result.data.json.appointment.id, version: created.body.result.data.json.appointment.updatedAtMt };
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

const queries = new Set(["appointment.list", "appointment.byId", "appointment.history", "appointment.conflicts", "directory.photographers"]);

/** One tRPC call over HTTP, as @plano/client sends it (superjson's `{json}` envelope). */
async function trpc(path: string, input: unknown, headers: Record<string, string> = {}) {
  const auth = { authorization: `Bearer ${token}`, ...headers };
  const response = queries.has(path)
    ? await fetch(`${server.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: auth })
    : await fetch(`${server.url}/api/trpc/${path}`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as any };
}

const fieldOf = (answer: Awaited<ReturnType<typeof trpc>>) => answer.body.error?.json?.data?.plano?.field;
const rest = (path: string, params: Record<string, unknown>) => send(server.url, `/api/v1/appointments/${path}`, { token, ...params });

describe("dates at the ends of the calendar", () => {
  it.each([
    ["a start in year 0000", { dateStartLocal: "0000-01-01", timeStartLocal: "10:00" }, "dateStartLocal"],
    ["a start in year 0001", { dateStartLocal: "0001-01-01", timeStartLocal: "10:00" }, "dateStartLocal"],
    ["a start in 1899", { dateStartLocal: "1899-12-31", allday: true }, "dateStartLocal"],
    ["a UTC start in 10000 derived from 9999-12-31 23:30 local", { dateStartLocal: "9999-12-31", timeStartLocal: "23:30" }, "dateStartUtc"],
    ["a stop derived into 10000 by a long duration", { dateStartLocal: "9999-06-01", timeStartLocal: "10:00", timeDurationS: 31_536_000 }, "dateStopLocal"],
    ["a requested date in year 0001", { requestedDate: "0001-01-01" }, "requestedDate"],
    ["a window end in 1899", { windowDateEnd: "1899-01-01" }, "windowDateEnd"],
  ])("%s is refused (400, naming the field) and nothing is written", async (_name, patch, field) => {
    const before = await database.db.appointment.count();
    const answer = await trpc("appointment.create", { officeId, ...patch });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe(field);
    expect(await database.db.appointment.count()).toBe(before);
  });

  it("the same through /api/v1: a stop in year 10000 is invalid-param naming the field", async () => {
    const answer = await rest("create", { office_id: officeId, date_start_local: "9999-12-31", time_start_local: "23:30" });
    expect({ http: answer.http, status: answer.body.status }).toEqual({ http: 400, status: "invalid-param" });
    expect(answer.body.message).toMatch(/date_start_utc would be 10000-01-01.*date_start_local/);
  });

  it("an update that moves the start into year 10000 (in UTC) is refused and the record keeps its version", async () => {
    // 20:00 in Denver on 9999-12-31 is 03:00 UTC on 10000-01-01.
    const answer = await trpc("appointment.update", {
      id: seeded.id,
      updatedAtMt: seeded.version,
      patch: { dateStartLocal: "9999-12-31", timeStartLocal: "20:00" },
    });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe("dateStartUtc");
    const row = await database.db.appointment.findUniqueOrThrow({ where: { id: seeded.id } });
    expect(row.updatedAt.toISOString()).toBe(seeded.version);
  });

  it.each([
    ["dateToLocal", "10000-01-01", "date_to_local"],
    ["dateFromLocal", "0000-01-01", "date_from_local"],
    ["dateFromLocal", "0001-01-01", "date_from_local"],
    ["startsFrom", "0000-01-01T00:00:00Z", "starts_from"],
    ["startsTo", "9999-12-31T23:00:00-05:00", "starts_to"],
  ])("list with %s=%s is a 400 naming the field, on both doors", async (key, value, legacy) => {
    const answer = await trpc("appointment.list", { [key]: value });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe(key);
    const viaRest = await rest("list", { [legacy]: value });
    expect({ http: viaRest.http, status: viaRest.body.status }).toEqual({ http: 400, status: "invalid-param" });
    expect(viaRest.body.message).toContain(legacy);
  });

  it("the first and last dates of the calendar (1900-01-01, 9999-12-31) are listed without error, on both doors", async () => {
    const answer = await trpc("appointment.list", { dateFromLocal: "1900-01-01", dateToLocal: "9999-12-31" });
    expect(answer.status).toBe(200);
    expect(answer.body.result.data.json.appointments.length).toBeGreaterThan(0);
    expect((await rest("list", { date_from_local: "1900-01-01", date_to_local: "9999-12-31" })).http).toBe(200);
  });
});

describe("a bad row already in the database", () => {
  it("never makes a read or a list crash, on either door", async () => {
    const { id } = await database.db.appointment.create({
      data: { officeId, timeZoneLocal: "America/Denver", summary: "repaired by hand", updatedAt: clock() },
    });
    // As the bug stored it: a stop in year 10000, and dates Postgres keeps but no API can write.
    await database.db.$executeRawUnsafe(
      `UPDATE appointment SET starts_at = '9999-12-31 06:30:00+00', stops_at = '10000-01-01 06:30:00+00',
         date_start_local = '9999-12-30', time_start_local = '23:30', date_stop_utc = '10000-01-01', requested_date = '0001-01-01 BC'
       WHERE id = ${id}`,
    );
    const byId = await trpc("appointment.byId", { id });
    expect(byId.status).toBe(200);
    expect(byId.body.result.data.json.dateStopUtc).toBeNull();
    const list = await trpc("appointment.list", { limit: 200, sort: "-startsAt" });
    expect(list.status).toBe(200);
    expect(list.body.result.data.json.appointments.map((a: { id: number }) => a.id)).toContain(id);
    expect((await rest("get", { id })).http).toBe(200);
    expect((await rest("list", { limit: 200 })).http).toBe(200);
    await database.db.appointment.delete({ where: { id } });
  });
});

describe("the rest of the bad inputs", () => {
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  it.each([
    ["an id past PostgreSQL's integer", cursor(["2026-07-01T16:00:00.000Z", 1e300])],
    ["an instant Postgres cannot read", cursor(["Tue, 1 Jul 2026", 1])],
    ["an instant in year 275760", cursor(["+275760-09-13T00:00:00.000Z", 1])],
    ["a negative id", cursor([null, -5])],
    ["not base64 JSON", "%%%"],
  ])("a crafted cursor (%s) is a 400 naming cursor", async (_name, value) => {
    const answer = await trpc("appointment.list", { cursor: value });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe("cursor");
  });

  it.each([
    ["appointment.cancel", () => ({ id: seeded.id, reason: "double\u0000booked" }), "reason"],
    ["appointment.cancel", () => ({ id: seeded.id, reason: "ok", updatedAtMt: "x\u0000" }), "updatedAtMt"],
    ["appointment.confirm", () => ({ id: seeded.id, updatedAtMt: "\u0000" }), "updatedAtMt"],
    ["appointment.create", () => ({ officeId, idempotencyKey: "key\u0000" }), "idempotencyKey"],
    ["appointment.create", () => ({ officeId, timeZoneLocal: "America/Denver\u0000" }), "timeZoneLocal"],
    ["appointment.update", () => ({ id: seeded.id, updatedAtMt: seeded.version, patch: { notes: "a\u0000b" } }), "notes"],
    ["appointment.list", () => ({ search: "a\u0000" }), "search"],
    ["appointment.list", () => ({ cursor: "\u0000" }), "cursor"],
    ["auth.login", () => ({ email: "a@example.com", password: "pass\u0000word" }), "password"],
    ["auth.login", () => ({ email: "a\u0000@example.com", password: "x" }), "email"],
  ])("NUL in %s's text is a 400 naming the field (case %#)", async (path, input, field) => {
    const answer = await trpc(path, input());
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe(field);
  });

  it("time_duration 9999:59 is past the one-year cap: 400 naming it, on both doors", async () => {
    const answer = await trpc("appointment.create", { officeId, dateStartLocal: "2026-07-01", timeStartLocal: "10:00", timeDuration: "9999:59" });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe("timeDuration");
    const viaRest = await rest("create", { office_id: officeId, date_start_local: "2026-07-01", time_start_local: "10:00", time_duration: "9999:59" });
    expect({ http: viaRest.http, status: viaRest.body.status }).toEqual({ http: 400, status: "invalid-param" });
    expect(viaRest.body.message).toContain("time_duration");
  });

  it("% and _ in search match themselves, not any text", async () => {
    const ids = async (search: string) =>
      ((await trpc("appointment.list", { search })).body.result.data.json.appointments as { id: number }[]).map((a) => a.id);
    await trpc("appointment.create", { officeId, summary: "ordinary shoot" });
    expect(await ids("100%")).toEqual([seeded.id]);
    expect(await ids("%")).toEqual([seeded.id]);
    // "y_s" would match "ordinary shoot" if _ were LIKE's any-character.
    expect(await ids("y_s")).toEqual([]);
    expect(await ids("100%sure")).toEqual([]);
    expect(await ids("sure_thing")).toEqual([seeded.id]);
  });

  it("% and _ in the photographer search match themselves, and NUL is a 400 naming search", async () => {
    const names = async (search: string) =>
      ((await trpc("directory.photographers", { search })).body.result.data.json as { name: string }[]).map((p) => p.name);
    expect((await names("Photographer")).length).toBe(2);
    expect(await names("%")).toEqual([]);
    expect(await names("Ann_Photographer")).toEqual([]);
    const answer = await trpc("directory.photographers", { search: "a\u0000" });
    expect(answer.status).toBe(400);
    expect(fieldOf(answer)).toBe("search");
  });

  it("a deeply nested JSON value on /api/v1 is invalid-param, without echoing it", async () => {
    for (const deep of ["[".repeat(100_000) + "]".repeat(100_000), `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`]) {
      const body = `{"token":"${token}","id":${seeded.id},"updated_at_mt":"${seeded.version}","notes":${deep}}`;
      const answer = await sendRaw(server.url, "/api/v1/appointments/update", { body, headers: { "content-type": "application/json" } });
      expect(answer.http).toBe(400);
      const reply = JSON.parse(answer.text) as { status: string; message: string };
      expect(reply.status).toBe("invalid-param");
      expect(reply.message).toContain("notes");
      expect(reply.message.length).toBeLessThan(300);
    }
  });
});

describe("errors tell the caller what they need, not our internals", () => {
  it.each([
    ["a string for a number", "appointment.byId", { id: "12" }, "id", /expected .*(number|integer).*got a string/i],
    ["an object for a boolean", "appointment.list", { confirmed: { yes: true } }, "confirmed", /expected .*boolean.*got an object/i],
    ["null for a required text", "appointment.cancel", { id: 1, reason: null }, "reason", /got null/i],
    ["a number for a date", "appointment.list", { dateFromLocal: 20260701 }, "dateFromLocal", /got a number/i],
  ])("%s is reported as wrong-typed (invalid-param), not as missing", async (_name, path, input, field, message) => {
    const answer = await trpc(path, input);
    expect(answer.status).toBe(400);
    const error = answer.body.error.json;
    expect(error.data.plano).toMatchObject({ reason: "invalid-param", field });
    expect(error.message).not.toMatch(/is required/);
    expect(error.message).toMatch(message);
  });

  it("a value that is really missing is still missing-param", async () => {
    const answer = await trpc("appointment.cancel", { id: seeded.id });
    expect(answer.body.error.json.data.plano).toMatchObject({ reason: "missing-param", field: "reason" });
  });

  it("a 500 names a request id and nothing of the database; the log has the detail under that id", async () => {
    const { createDb } = await import("@plano/db");
    const unreachable = createDb("postgresql://postgres:secret@127.0.0.1:9/plano_gone");
    const logged: string[] = [];
    const origin = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const down = await startApiServer({ db: unreachable, clock });
    try {
      for (const path of ["appointment.list", "appointment.create"]) {
        const response =
          path === "appointment.list"
            ? await fetch(`${down.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
                headers: { authorization: `Bearer ${token}` },
              })
            : await fetch(`${down.url}/api/trpc/${path}`, {
                method: "POST",
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-request-id": "trace-42" },
                body: JSON.stringify({ json: { officeId, notes: "private note for the dump" } }),
              });
        const text = await response.text();
        expect(response.status).toBe(500);
        const requestId = response.headers.get("x-request-id")!;
        expect(requestId).toBeTruthy();
        const error = JSON.parse(text).error.json;
        expect(error.data.requestId).toBe(requestId);
        expect(error.message).toContain(requestId);
        for (const secret of ["127.0.0.1", ":9", "plano_gone", "secret", "prisma", "Prisma", "invocation", "ECONNREFUSED", "P1001", "private note"]) {
          expect(text).not.toContain(secret);
        }
        expect(logged.some((line) => line.includes(requestId) && /ECONNREFUSED|connect|reach/i.test(line))).toBe(true);
      }
    } finally {
      console.error = origin;
      await down.close();
      await unreachable.$disconnect();
    }
  });
});
