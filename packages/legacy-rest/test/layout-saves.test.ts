/**
 * FileMaker in the real world (issue 9): a layout's script sends every field
 * of the layout as text, not only the one the user changed; it keeps
 * timestamps to the whole second; it appends a CR to field text.
 *
 * Expected values come from the calendar and the IANA zone rules (America/Denver
 * is UTC-6 in July, UTC-7 before the second Sunday of March 2026, March 8),
 * never from the server's own derivation.
 */
import { appointmentFields } from "@plano/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, testClock } from "@plano/testing/fixtures";
import { type LegacyWorld, openLegacyWorld, send, type Params } from "./harness";

const clock = testClock(new Date("2026-06-15T15:00:00.250Z"));
let { database, world, token, server, close } = {} as LegacyWorld;
beforeAll(async () => ({ database, world, token, server, close } = await openLegacyWorld(clock.now)));
afterAll(() => close());

type Record = { [field: string]: any };

const call = (route: string, params: Params, encoding: "form" | "json" = "form") =>
  send(server.url, `/api/v1/appointments/${route}`, { token, ...params }, { encoding });

async function ok(answer: ReturnType<typeof call>): Promise<Record> {
  const { http, body } = await answer;
  expect({ http, status: body.status, message: body.message }).toEqual({ http: 200, status: "action-successful", message: expect.any(String) });
  return body;
}

async function create(params: Params, monthFirst = false): Promise<Record> {
  const body = await ok(call("create", { office_id: String(world.denver.id), ...(monthFirst ? { month_first: "1" } : {}), ...params }));
  return body.data!.appointment;
}

async function get(id: number, monthFirst = false): Promise<Record> {
  const body = await ok(call("get", { id: String(id), ...(monthFirst ? { month_first: "1" } : {}) }));
  return body.data!.appointment;
}

/** FileMaker's text for a value: checkboxes 1/0, empty for nothing. */
const asText = (value: unknown) => (value === null ? "" : typeof value === "boolean" ? (value ? "1" : "0") : String(value));

/** Every field of the layout (the seed's field list), as read, plus id and the version. */
function layoutOf(record: Record): Params {
  const layout: Params = { id: String(record.id), updated_at_mt: record.updated_at_mt };
  for (const { legacy } of appointmentFields) if (legacy in record) layout[legacy] = asText(record[legacy]);
  return layout;
}

const auditCount = (appointmentId: number) => database.db.appointmentChange.count({ where: { appointmentId } });

/** A timed shoot in Denver, July 1st 2026, 10:00–11:00 local (16:00–17:00 UTC). */
const timed = { date_start_local: "2026-07-01", time_start_local: "10:00", time_duration_s: "3600" };

/** What a date reads as in each spelling. */
const us = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

describe("a whole-layout save that changes one schedule field", () => {
  // field → the value sent (ISO spelling) → what the schedule must then be (local start/stop, UTC start, duration).
  const cases: [string, string, { start: string; stop: string; utcStart: string; duration: string; seconds: number }][] = [
    [
      "date_start_local",
      "2026-07-02",
      { start: "2026-07-02 10:00:00", stop: "2026-07-02 11:00:00", utcStart: "2026-07-02 16:00:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "time_start_local",
      "10:30",
      { start: "2026-07-01 10:30:00", stop: "2026-07-01 11:30:00", utcStart: "2026-07-01 16:30:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "date_stop_local",
      "2026-07-02",
      { start: "2026-07-01 10:00:00", stop: "2026-07-02 11:00:00", utcStart: "2026-07-01 16:00:00", duration: "25:00", seconds: 90000 },
    ],
    [
      "time_stop_local",
      "12:00",
      { start: "2026-07-01 10:00:00", stop: "2026-07-01 12:00:00", utcStart: "2026-07-01 16:00:00", duration: "2:00", seconds: 7200 },
    ],
    [
      "date_start_office",
      "2026-07-03",
      { start: "2026-07-03 10:00:00", stop: "2026-07-03 11:00:00", utcStart: "2026-07-03 16:00:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "time_start_office",
      "9:15 AM",
      { start: "2026-07-01 09:15:00", stop: "2026-07-01 10:15:00", utcStart: "2026-07-01 15:15:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "date_stop_office",
      "2026-07-02",
      { start: "2026-07-01 10:00:00", stop: "2026-07-02 11:00:00", utcStart: "2026-07-01 16:00:00", duration: "25:00", seconds: 90000 },
    ],
    [
      "time_stop_office",
      "13:00",
      { start: "2026-07-01 10:00:00", stop: "2026-07-01 13:00:00", utcStart: "2026-07-01 16:00:00", duration: "3:00", seconds: 10800 },
    ],
    [
      "date_start_utc",
      "2026-06-30",
      { start: "2026-06-30 10:00:00", stop: "2026-06-30 11:00:00", utcStart: "2026-06-30 16:00:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "time_start_utc",
      "18:00",
      { start: "2026-07-01 12:00:00", stop: "2026-07-01 13:00:00", utcStart: "2026-07-01 18:00:00", duration: "1:00", seconds: 3600 },
    ],
    [
      "date_stop_utc",
      "2026-07-02",
      { start: "2026-07-01 10:00:00", stop: "2026-07-02 11:00:00", utcStart: "2026-07-01 16:00:00", duration: "25:00", seconds: 90000 },
    ],
    ["time_stop_utc", "17:30", { start: "2026-07-01 10:00:00", stop: "2026-07-01 11:30:00", utcStart: "2026-07-01 16:00:00", duration: "1:30", seconds: 5400 }],
    ["time_duration", "1:45", { start: "2026-07-01 10:00:00", stop: "2026-07-01 11:45:00", utcStart: "2026-07-01 16:00:00", duration: "1:45", seconds: 6300 }],
    [
      "time_duration",
      "2:15:00",
      { start: "2026-07-01 10:00:00", stop: "2026-07-01 12:15:00", utcStart: "2026-07-01 16:00:00", duration: "2:15", seconds: 8100 },
    ],
    [
      "time_duration_s",
      "5400",
      { start: "2026-07-01 10:00:00", stop: "2026-07-01 11:30:00", utcStart: "2026-07-01 16:00:00", duration: "1:30", seconds: 5400 },
    ],
  ];

  describe.each([false, true])("month_first %s", (monthFirst) => {
    it.each(cases)("%s = %s: only that field is a change; the others are re-derived", async (field, value, expected) => {
      const appointment = await create(timed);
      const read = await get(appointment.id, monthFirst);
      const sent = field.startsWith("date_") && monthFirst ? us(value) : value;
      const layout = { ...layoutOf(read), ...(monthFirst ? { month_first: "1" } : {}), [field]: sent };
      const saved = (await ok(call("update", layout))).data!.appointment;
      const stored = await get(appointment.id);
      expect({
        start: `${stored.date_start_local} ${stored.time_start_local}`,
        stop: `${stored.date_stop_local} ${stored.time_stop_local}`,
        utcStart: `${stored.date_start_utc} ${stored.time_start_utc}`,
        duration: stored.time_duration,
        seconds: stored.time_duration_s,
      }).toEqual(expected);
      // The office is in Denver too: its wall clock is the local one.
      expect([stored.date_stop_office, stored.time_stop_office]).toEqual([stored.date_stop_local, stored.time_stop_local]);
      expect(saved.updated_at_mt).not.toBe(read.updated_at_mt);
    });
  });

  it.each([false, true])("all-day, month_first %s: a changed stop date moves every representation of the stop", async (monthFirst) => {
    const appointment = await create({ allday: "1", date_start_local: "2026-07-01" });
    const read = await get(appointment.id, monthFirst);
    const stop = monthFirst ? "07/03/2026" : "2026-07-03";
    const layout = { ...layoutOf(read), ...(monthFirst ? { month_first: "1" } : {}), date_stop_local: stop };
    await ok(call("update", layout));
    const stored = await get(appointment.id);
    expect([stored.date_start_local, stored.date_stop_local, stored.date_stop_office, stored.date_stop_utc]).toEqual([
      "2026-07-01",
      "2026-07-03",
      "2026-07-03",
      "2026-07-03",
    ]);
    expect([stored.time_start_local, stored.time_duration_s]).toEqual([null, null]);
  });

  it("all-day: a changed start date in the office's representation moves the appointment, keeping its length", async () => {
    const appointment = await create({ allday: "1", date_start_local: "2026-07-01", date_stop_local: "2026-07-04" });
    const read = await get(appointment.id, true);
    await ok(call("update", { ...layoutOf(read), month_first: "1", date_start_office: "07/02/2026" }));
    const stored = await get(appointment.id);
    expect([stored.date_start_local, stored.date_start_utc, stored.date_stop_local]).toEqual(["2026-07-02", "2026-07-02", "2026-07-05"]);
  });

  it("across the spring-forward change: a new local date keeps the local time, so the UTC time moves an hour", async () => {
    // March 7, 2026 10:00 MST (UTC-7) is 17:00 UTC; March 9 10:00 MDT (UTC-6) is 16:00 UTC.
    const appointment = await create({ date_start_local: "2026-03-07", time_start_local: "10:00", time_duration_s: "3600" });
    const read = await get(appointment.id, true);
    expect([read.date_start_utc, read.time_start_utc]).toEqual(["03/07/2026", "17:00:00"]);
    await ok(call("update", { ...layoutOf(read), month_first: "1", date_start_local: "03/09/2026" }));
    const stored = await get(appointment.id);
    expect([stored.date_start_local, stored.time_start_local, stored.date_start_utc, stored.time_start_utc]).toEqual([
      "2026-03-09",
      "10:00:00",
      "2026-03-09",
      "16:00:00",
    ]);
  });

  it("two changed fields that contradict each other are invalid-param naming both, and nothing is written", async () => {
    const appointment = await create(timed);
    const read = await get(appointment.id);
    const answer = await call("update", { ...layoutOf(read), time_start_local: "10:30", time_start_utc: "18:00" });
    expect(answer.body.status).toBe("invalid-param");
    expect(answer.body.data!.params).toEqual(expect.arrayContaining(["time_start_local", "time_start_utc"]));
    expect((await get(appointment.id)).updated_at_mt).toBe(read.updated_at_mt);
  });

  it("tRPC's appointment.update takes the same whole record with one change", async () => {
    const api = callerFor(database, { token, clock: clock.now });
    const created = (await api.appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-01", timeStartLocal: "10:00", timeDurationS: 3600 }))
      .appointment;
    const {
      id: _id,
      uuid: _uuid,
      createdAt: _c,
      updatedAt: _u,
      updatedAtMt,
      officeTimeZone: _z,
      startsAt: _s,
      stopsAt: _t,
      confirmedAt: _ca,
      ...fields
    } = created;
    const { appointment } = await api.appointment.update({ id: created.id, updatedAtMt, patch: { ...fields, timeStopLocal: "12:00" } });
    expect([appointment.timeStopUtc, appointment.timeDurationS]).toEqual(["18:00:00", 7200]);
  });
});

describe("versions (updated_at_mt)", () => {
  it("every reply carries it, spelled like the reply's other timestamps under month_first", async () => {
    const appointment = await create(timed);
    expect(appointment.updated_at_mt).toBe("2026-06-15T15:00:00.250Z");
    const read = await get(appointment.id, true);
    expect(read.updated_at_mt).toBe("06/15/2026 15:00:00");
    expect(read.created_at).toBe("06/15/2026 15:00:00");
    const listed = (await ok(call("list", { month_first: "1", date_from_local: "07/01/2026", date_to_local: "07/01/2026" }))).data!.appointments;
    expect(listed.find((row: Record) => row.id === appointment.id).updated_at_mt).toBe("06/15/2026 15:00:00");
  });

  it.each([
    ["ISO to the millisecond", (iso: string) => iso],
    ["ISO cut to the second", (iso: string) => iso.replace(/\.\d{3}Z$/, "Z")],
    ["ISO without a zone (UTC)", (iso: string) => iso.replace(/\.\d{3}Z$/, "")],
    ["the month_first spelling", (iso: string) => `${us(iso.slice(0, 10))} ${iso.slice(11, 19)}`],
    ["Mountain Time with its offset", (iso: string) => new Date(Date.parse(iso) - 6 * 3600_000).toISOString().replace(/\.\d{3}Z$/, "-06:00")],
    ["with FileMaker's trailing CR", (iso: string) => `${iso}\r`],
  ])("is accepted back in every spelling: %s", async (_spelling, spell) => {
    const appointment = await create(timed);
    const body = await ok(call("update", { id: String(appointment.id), updated_at_mt: spell(appointment.updated_at_mt), notes: "Gate code 4711" }));
    expect(body.data!.appointment.notes).toBe("Gate code 4711");
  });

  it("a whole-second version is refused once anything was written since, even within the same second: no lost update", async () => {
    const appointment = await create(timed);
    const wholeSecond = appointment.updated_at_mt.replace(/\.\d{3}Z$/, "Z");
    // Two FileMaker desks read the same record; both save within the same clock second.
    const first = await ok(call("update", { id: String(appointment.id), updated_at_mt: wholeSecond, notes: "Desk A" }));
    expect(first.data!.appointment.notes).toBe("Desk A");
    const second = await call("update", { id: String(appointment.id), updated_at_mt: wholeSecond, location: "Desk B's address" });
    expect({ http: second.http, status: second.body.status }).toEqual({ http: 409, status: "update-conflict" });
    expect(second.body.data!.appointment).toMatchObject({ notes: "Desk A", location: null });
    expect(await get(appointment.id)).toMatchObject({ notes: "Desk A", location: null });
  });

  it("of two concurrent saves with the same version exactly one is applied", async () => {
    const appointment = await create(timed);
    const version = appointment.updated_at_mt.replace(/\.\d{3}Z$/, "Z");
    const answers = await Promise.all(["Desk A", "Desk B"].map((notes) => call("update", { id: String(appointment.id), updated_at_mt: version, notes })));
    expect(answers.map((answer) => answer.body.status).sort()).toEqual(["action-successful", "update-conflict"]);
    const winner = answers.find((answer) => answer.body.status === "action-successful")!;
    expect((await get(appointment.id)).notes).toBe(winner.body.data!.appointment.notes);
    expect(await auditCount(appointment.id)).toBe(2);
  });

  it("a save that changes nothing writes nothing: same version, no audit entry, action-successful", async () => {
    const appointment = await create(timed);
    const read = await get(appointment.id, true);
    const before = await auditCount(appointment.id);
    const body = await ok(call("update", { ...layoutOf(read), month_first: "1" }));
    expect(body.data!.appointment.updated_at_mt).toBe(read.updated_at_mt);
    expect(await auditCount(appointment.id)).toBe(before);
    expect((await get(appointment.id)).updated_at_mt).toBe(appointment.updated_at_mt);
  });

  it("a retried save succeeds (its first attempt was applied) without writing twice", async () => {
    const appointment = await create(timed);
    const save = { id: String(appointment.id), updated_at_mt: appointment.updated_at_mt, notes: "Ring twice", time_start_local: "11:00" };
    const first = await ok(call("update", save));
    const retry = await ok(call("update", save));
    expect(retry.data!.appointment.updated_at_mt).toBe(first.data!.appointment.updated_at_mt);
    expect(await auditCount(appointment.id)).toBe(2);
  });
});

describe("identification and values", () => {
  it("an id and a uuid of different appointments are invalid-param naming both; nothing is written", async () => {
    const [one, other] = [await create(timed), await create(timed)];
    const answer = await call("update", { id: String(one.id), uuid: other.uuid, updated_at_mt: one.updated_at_mt, notes: "Which one?" });
    expect(answer.body.status).toBe("invalid-param");
    expect(answer.body.data!.params).toEqual(["id", "uuid"]);
    expect(answer.body.message).toContain(other.uuid);
    expect([(await get(one.id)).notes, (await get(other.id)).notes]).toEqual([null, null]);
  });

  it("trims token, application, uuid and updated_at_mt (FileMaker appends a CR)", async () => {
    const appointment = await create(timed);
    const answer = await send(
      server.url,
      "/api/v1/appointments/update",
      {
        token: `${token}\r`,
        application: "planoorder\r",
        uuid: `${appointment.uuid}\r\n`,
        updated_at_mt: ` ${appointment.updated_at_mt}\r`,
        notes: "Trimmed",
      },
      { encoding: "form" },
    );
    expect(answer.body.status).toBe("action-successful");
    expect(answer.body.data!.appointment.notes).toBe("Trimmed");
  });

  it("takes window_time_* as minutes after midnight or as a time of day", async () => {
    const appointment = await create({ ...timed, window_time_start: "08:00", window_time_end: "5:30 PM" });
    expect([appointment.window_time_start, appointment.window_time_end]).toEqual([480, 1050]);
    const body = await ok(call("update", { id: String(appointment.id), updated_at_mt: appointment.updated_at_mt, window_time_start: "09:15:00" }));
    expect(body.data!.appointment.window_time_start).toBe(555);
    const refused = await call("update", { id: String(appointment.id), updated_at_mt: body.data!.appointment.updated_at_mt, window_time_end: "17:00:30" });
    expect({ status: refused.body.status, param: refused.body.data?.param }).toEqual({ status: "invalid-param", param: "window_time_end" });
  });

  it("takes confirmed_by from the caller, as updated_by", async () => {
    const appointment = await create(timed);
    const body = await ok(
      call("update", {
        id: String(appointment.id),
        updated_at_mt: appointment.updated_at_mt,
        confirmed: "1",
        confirmed_by: "Jane (desk 3)",
        updated_by: "Jane (desk 3)",
      }),
    );
    expect(body.data!.appointment).toMatchObject({
      confirmed: true,
      confirmed_by: "Jane (desk 3)",
      updated_by: "Jane (desk 3)",
      confirmed_at: "2026-06-15T15:00:00.250Z",
    });
    expect(body.warnings).toEqual([]);
  });

  it("reads parameters in the query string like the body's, the body winning; a token in the URL gets a warning", async () => {
    const appointment = await create(timed);
    const answer = await send(
      server.url,
      `/api/v1/appointments/update?token=${encodeURIComponent(token)}&id=${appointment.id}&notes=From%20the%20URL&location=12%20Elm%20St`,
      { updated_at_mt: appointment.updated_at_mt, notes: "From the body" },
      { encoding: "form" },
    );
    expect(answer.body.status).toBe("action-successful");
    expect(answer.body.data!.appointment).toMatchObject({ notes: "From the body", location: "12 Elm St" });
    expect(answer.body.warnings.map((warning) => [warning.code, warning.field])).toEqual([
      ["token-in-url", "token"],
      ["ignored-param", "notes"],
    ]);
  });
});

describe("form bodies in FileMaker's charsets", () => {
  const raw = async (body: string, contentType: string) => {
    const response = await fetch(`${server.url}/api/v1/appointments/update`, {
      method: "POST",
      body: Buffer.from(body, "latin1"),
      headers: { "content-type": contentType },
    });
    return (await response.json()) as Record;
  };
  const form = (appointment: Record, notes: string) =>
    `token=${encodeURIComponent(token)}&id=${appointment.id}&updated_at_mt=${encodeURIComponent(appointment.updated_at_mt)}&notes=${notes}`;

  it.each([
    ["ISO-8859-1, percent-encoded", "application/x-www-form-urlencoded; charset=ISO-8859-1", "Caf%E9 %AB Zoe %BB", "Café « Zoe »"],
    ["ISO-8859-1, raw bytes", "application/x-www-form-urlencoded; charset=iso-8859-1", "Caf\xe9", "Café"],
    ["windows-1252", "application/x-www-form-urlencoded;charset=windows-1252", "%80 20 %96 %93ok%94", "€ 20 – “ok”"],
    ["UTF-8 (declared)", "application/x-www-form-urlencoded; charset=UTF-8", "Caf%C3%A9", "Café"],
    ["UTF-8 (the default)", "application/x-www-form-urlencoded", "Caf%C3%A9", "Café"],
  ])("%s", async (_name, contentType, notes, expected) => {
    const appointment = await create(timed);
    const answer = await raw(form(appointment, notes), contentType);
    expect(answer.status).toBe("action-successful");
    expect(answer.data.appointment.notes).toBe(expected);
  });

  it("bytes that are not UTF-8, without a charset, are invalid-encoded-params naming the parameter, never U+FFFD", async () => {
    const appointment = await create(timed);
    const answer = await raw(form(appointment, "Caf%E9"), "application/x-www-form-urlencoded");
    expect({ status: answer.status, param: answer.data?.param }).toEqual({ status: "invalid-encoded-params", param: "notes" });
    expect(answer.message).toContain("charset");
    expect((await get(appointment.id)).notes).toBeNull();
  });
});

describe("multipart bodies", () => {
  const multipart = (appointment: Record, notes: Buffer, charset?: string) => {
    const part = (name: string, value: Buffer | string) =>
      Buffer.concat([Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from("\r\n")]);
    const body = Buffer.concat([
      part("token", token),
      part("id", String(appointment.id)),
      part("updated_at_mt", appointment.updated_at_mt),
      part("notes", notes),
      Buffer.from("--XyZ--\r\n"),
    ]);
    const contentType = `multipart/form-data; boundary=XyZ${charset ? `; charset=${charset}` : ""}`;
    return fetch(`${server.url}/api/v1/appointments/update`, { method: "POST", body, headers: { "content-type": contentType } }).then(
      (r) => r.json() as Promise<Record>,
    );
  };

  it("reads UTF-8 text parts, and windows-1252 ones when the body says so", async () => {
    const appointment = await create(timed);
    const utf8 = await multipart(appointment, Buffer.from("Café – 20 €", "utf8"));
    expect(utf8.data.appointment.notes).toBe("Café – 20 €");
    const cp1252 = await multipart(utf8.data.appointment, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]), "windows-1252");
    expect(cp1252.data.appointment.notes).toBe("Café €");
  });

  it("refuses a part that is not UTF-8 without a charset, naming it, instead of storing U+FFFD", async () => {
    const appointment = await create(timed);
    const answer = await multipart(appointment, Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    expect({ status: answer.status, param: answer.data?.param }).toEqual({ status: "invalid-encoded-params", param: "notes" });
    expect((await get(appointment.id)).notes).toBeNull();
  });
});

describe("every legacy spelling round-trips get → update → get", () => {
  const spellings: [string, Params, boolean][] = [
    [
      "ISO dates, 24-hour times",
      { date_start_local: "2026-07-01", time_start_local: "14:30", requested_date: "2026-06-30", requested_time: "09:05:00" },
      false,
    ],
    ["US dates, 12-hour times", { date_start_local: "7/1/2026", time_start_local: "2:30 PM", requested_date: "06/30/2026", requested_time: "9:05 a.m." }, true],
    [
      "ISO dates under month_first",
      { date_start_local: "2026-12-31", time_start_local: "23:59:59", requested_date: "2026-01-01", requested_time: "12:00 AM" },
      true,
    ],
    ["all-day, US dates", { allday: "yes", date_start_local: "12/30/2026", date_stop_local: "01/02/2027", window_date_start: "12/01/2026" }, true],
  ];
  it.each(spellings)("%s", async (_name, fields, monthFirst) => {
    const appointment = await create({ ...fields, time_duration: fields.allday ? "" : "1:00:00", window_time_start: "8:00 AM" }, monthFirst);
    const read = await get(appointment.id, monthFirst);
    const saved = await ok(call("update", { ...layoutOf(read), ...(monthFirst ? { month_first: "1" } : {}) }));
    expect(saved.data!.appointment.updated_at_mt).toBe(read.updated_at_mt);
    expect(await get(appointment.id, monthFirst)).toEqual(read);
  });
});
