import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../src/error-detail";
import { appToken, callerFor, freshDatabase, smallWorld, testClock } from "@plano/testing/fixtures";

type Database = Awaited<ReturnType<typeof freshDatabase>>;
type World = Awaited<ReturnType<typeof smallWorld>>;

let database: Database;
let world: World;
let token: string;
const clock = testClock(new Date("2026-06-15T15:00:00Z"));
const api = () => callerFor(database, { token, clock: clock.now });

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  token = await appToken(database, "planoorder");
});
afterAll(() => database.drop());

/** How the failure reads to every adapter (reason, field, message), or a test failure if the call succeeded. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  const described = error ? describeError(error) : undefined;
  if (!described) throw new Error(`expected a described failure, got ${String(error)}`);
  return described;
}

describe("create", () => {
  it("derives office and UTC times from local ones, across the US DST change", async () => {
    // 2026-03-08 is the US spring-forward day; Denver is UTC-7 before 02:00 and UTC-6 after.
    const { appointment } = await api().appointment.create({
      officeId: world.berlin.id,
      timeZoneLocal: "America/Denver",
      dateStartLocal: "2026-03-08",
      timeStartLocal: "09:00",
      timeDurationS: 5400,
    });
    expect(appointment).toMatchObject({
      dateStartUtc: "2026-03-08",
      timeStartUtc: "15:00:00",
      dateStartOffice: "2026-03-08",
      timeStartOffice: "16:00:00", // Berlin is still on CET (UTC+1) until 2026-03-29
      timeStopLocal: "10:30:00",
      timeDuration: "1:30",
      startsAt: "2026-03-08T15:00:00.000Z",
      stopsAt: "2026-03-08T16:30:00.000Z",
      createdBy: "planoorder",
      createdIn: "trpc:planoorder",
    });
  });

  it("defaults the local zone to the office's", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-01", timeStartLocal: "10:00" });
    expect(appointment.timeZoneLocal).toBe("America/Denver");
    expect(appointment.timeStartUtc).toBe("16:00:00");
  });

  it("rejects two start representations that disagree, naming both", async () => {
    const error = await failure(
      api().appointment.create({
        officeId: world.denver.id,
        dateStartLocal: "2026-07-01",
        timeStartLocal: "10:00",
        dateStartUtc: "2026-07-01",
        timeStartUtc: "10:00",
      }),
    );
    expect(error.reason).toBe("invalid-param");
    expect(error.fields).toEqual(expect.arrayContaining(["timeStartLocal", "timeStartUtc"]));
    expect(error.message).toMatch(/time_start_local/);
    expect(error.message).toMatch(/time_start_utc/);
  });

  it("rejects a wall time that does not exist because of DST", async () => {
    const error = await failure(api().appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-03-08", timeStartLocal: "02:30" }));
    expect(error.reason).toBe("invalid-param");
    expect(error.field).toBe("timeStartLocal");
  });

  it("rejects references that do not exist, naming the field", async () => {
    for (const [field, patch] of [
      ["officeId", { officeId: 999_999 }],
      ["orderId", { officeId: world.denver.id, orderId: 999_999 }],
      ["photographerUserId", { officeId: world.denver.id, photographerUserId: world.client.id }],
    ] as const) {
      const error = await failure(api().appointment.create(patch));
      expect(error).toMatchObject({ reason: "invalid-param", field });
    }
  });

  it("rejects windows whose start is after their end, and out-of-range minutes", async () => {
    const times = await failure(api().appointment.create({ officeId: world.denver.id, windowTimeStart: 600, windowTimeEnd: 540 }));
    expect(times).toMatchObject({ reason: "invalid-param", field: "windowTimeEnd", fields: ["windowTimeStart", "windowTimeEnd"] });
    const dates = await failure(api().appointment.create({ officeId: world.denver.id, windowDateStart: "2026-07-02", windowDateEnd: "2026-07-01" }));
    expect(dates).toMatchObject({ reason: "invalid-param", field: "windowDateEnd" });
    const range = await failure(api().appointment.create({ officeId: world.denver.id, windowTimeStart: 1441 }));
    expect(range).toMatchObject({ reason: "invalid-param", field: "windowTimeStart" });
    expect(range.message).toMatch(/^window_time_start: expected minutes after local midnight/);
    const ok = await api().appointment.create({ officeId: world.denver.id, windowTimeStart: 0, windowTimeEnd: 1440 });
    expect(ok.appointment).toMatchObject({ windowTimeStart: 0, windowTimeEnd: 1440 });
  });

  it("refuses text the database cannot store, naming the field, instead of failing the write", async () => {
    const nul = await failure(api().appointment.create({ officeId: world.denver.id, notes: "a\u0000b" }));
    expect(nul).toMatchObject({ reason: "invalid-param", field: "notes" });
    const surrogate = await failure(api().appointment.create({ officeId: world.denver.id, summary: "broken \ud800 pair" }));
    expect(surrogate).toMatchObject({ reason: "invalid-param", field: "summary" });
    expect(await failure(api().appointment.list({ search: "a\u0000b" }))).toMatchObject({ reason: "invalid-param", field: "search" });
    const emoji = await api().appointment.create({ officeId: world.denver.id, notes: "Bring the drone 🚁" });
    expect(emoji.appointment.notes).toBe("Bring the drone 🚁");
  });

  it("keeps photographer_name in step with the assigned user", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, photographerUserId: world.ann.id });
    expect(appointment.photographerName).toBe("Ann Photographer");
    const moved = await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { photographerUserId: world.bob.id } });
    expect(moved.appointment.photographerName).toBe("Bob Photographer");
    const error = await failure(
      api().appointment.update({ id: appointment.id, updatedAtMt: moved.appointment.updatedAtMt, patch: { photographerName: "Someone Else" } }),
    );
    expect(error).toMatchObject({ reason: "invalid-param", field: "photographerName" });
  });

  it("replays a create retried with the same idempotency key", async () => {
    const input = { officeId: world.denver.id, summary: "Retried by FileMaker", idempotencyKey: "fm-123" };
    const [first, second] = await Promise.all([api().appointment.create(input), api().appointment.create(input)]);
    expect(second.appointment.id).toBe(first.appointment.id);
    expect(await database.db.appointment.count({ where: { summary: "Retried by FileMaker" } })).toBe(1);
    const other = await callerFor(database, { token: await appToken(database, "planox2") }).appointment.create(input);
    expect(other.appointment.id).not.toBe(first.appointment.id); // keys are per caller
  });
});

describe("update", () => {
  it("moves an appointment keeping its length, and records one audit change with before/after", async () => {
    const { appointment } = await api().appointment.create({
      officeId: world.denver.id,
      dateStartLocal: "2026-07-01",
      timeStartLocal: "10:00",
      timeDurationS: 3600,
    });
    const { appointment: moved } = await api().appointment.update({
      id: appointment.id,
      updatedAtMt: appointment.updatedAtMt,
      patch: { timeStartOffice: "12:00" },
    });
    expect(moved).toMatchObject({ timeStartLocal: "12:00:00", timeStopLocal: "13:00:00", timeDurationS: 3600 });
    const history = await api().appointment.history({ id: appointment.id });
    expect(history.map((h) => h.action)).toEqual(["update", "create"]);
    expect(history[0]!.changes.timeStartLocal).toEqual({ before: "10:00:00", after: "12:00:00" });
    expect(history[0]!.changes.timeStopUtc).toEqual({ before: "17:00:00", after: "19:00:00" });
    expect(history[0]).toMatchObject({ actor: "planoorder", application: "planoorder", channel: "trpc" });
  });

  it("sets the stop from a duration, and rejects a stop that contradicts a given duration", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-02", timeStartLocal: "08:00" });
    const withDuration = await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { timeDuration: "2:15" } });
    expect(withDuration.appointment).toMatchObject({ timeStopLocal: "10:15:00", timeDurationS: 8100 });
    const error = await failure(
      api().appointment.update({
        id: appointment.id,
        updatedAtMt: withDuration.appointment.updatedAtMt,
        patch: { timeStopLocal: "09:00", timeDurationS: 7200 },
      }),
    );
    expect(error.reason).toBe("invalid-param");
    expect(error.fields).toEqual(expect.arrayContaining(["timeDurationS"]));
  });

  it("gives every update a strictly later version, even within one millisecond", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id });
    let version = appointment.updatedAtMt;
    const versions = [version];
    for (let i = 0; i < 5; i++) {
      // The test clock stands still: the server must still move the version on.
      version = (await api().appointment.update({ id: appointment.id, updatedAtMt: version, patch: { notes: `n${i}` } })).appointment.updatedAtMt;
      versions.push(version);
    }
    const times = versions.map((v) => Date.parse(v));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
  });

  it("refuses a stale updated_at_mt with the current record, and keeps the other writer's change", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, notes: "original" });
    await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "theirs" } });
    const error = await failure(api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "mine" } }));
    expect(error.reason).toBe("update-conflict");
    expect(error.extra.current).toMatchObject({ id: appointment.id, notes: "theirs" });
    expect((await api().appointment.byId({ id: appointment.id })).notes).toBe("theirs");
  });

  it("rejects an updated_at_mt that is not a version, naming it", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id });
    const error = await failure(api().appointment.update({ id: appointment.id, updatedAtMt: "yesterday", patch: {} }));
    expect(error).toMatchObject({ reason: "invalid-param", field: "updatedAtMt" });
  });

  it("finds an appointment by uuid as well as by id", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, summary: "by uuid" });
    expect((await api().appointment.byId({ uuid: appointment.uuid })).id).toBe(appointment.id);
    const missing = await failure(api().appointment.byId({ id: 987_654 }));
    expect(missing).toMatchObject({ reason: "not-found", field: "id" });
  });
});

describe("50 concurrent updates with the same updated_at_mt", () => {
  it("lets exactly one succeed and writes exactly one audit change", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, notes: "start" });
    const racers = Array.from({ length: 50 }, (_, i) =>
      callerFor(database, { token })
        .appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: `writer ${i}` } })
        .then(
          (result) => ({ ok: true as const, notes: result.appointment.notes }),
          (error: { cause?: { reason?: string } }) => ({ ok: false as const, reason: error.cause?.reason }),
        ),
    );
    const results = await Promise.all(racers);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "update-conflict")).toBe(true);
    const stored = await api().appointment.byId({ id: appointment.id });
    expect(stored.notes).toBe(winners[0]!.ok ? winners[0]!.notes : undefined);
    const updates = await database.db.appointmentChange.count({ where: { appointmentId: appointment.id, action: "update" } });
    expect(updates).toBe(1);
  });
});

describe("confirm and cancel", () => {
  it("stamps confirmed_at and confirmed_by on the server, and ignores a second confirm", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id });
    const { appointment: confirmed } = await api().appointment.confirm({ id: appointment.id });
    expect(confirmed).toMatchObject({ confirmed: true, confirmedBy: "planoorder", confirmedAt: clock.now().toISOString() });
    const again = await api().appointment.confirm({ id: appointment.id });
    expect(again.appointment.updatedAtMt).toBe(confirmed.updatedAtMt);
  });

  it("derives same_day_cancel from the appointment's local date", async () => {
    clock.set("2026-06-20T05:30:00Z"); // 23:30 on the 19th in Denver, 07:30 on the 20th in Berlin
    const denver = await api().appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-06-19", timeStartLocal: "23:45" });
    const cancelledDenver = await api().appointment.cancel({ id: denver.appointment.id, reason: "Client ill" });
    expect(cancelledDenver.appointment).toMatchObject({ cancelled: true, sameDayCancel: true, cancelReason: "Client ill" });

    const berlin = await api().appointment.create({ officeId: world.berlin.id, dateStartLocal: "2026-06-19", timeStartLocal: "23:45" });
    const cancelledBerlin = await api().appointment.cancel({ id: berlin.appointment.id, reason: "Rain", onSiteCancel: true });
    expect(cancelledBerlin.appointment).toMatchObject({ sameDayCancel: false, onSiteCancel: true });

    const explicit = await api().appointment.create({ officeId: world.berlin.id, dateStartLocal: "2026-06-30", timeStartLocal: "10:00" });
    const forced = await api().appointment.cancel({ id: explicit.appointment.id, reason: "Policy", sameDayCancel: true });
    expect(forced.appointment.sameDayCancel).toBe(true);
    clock.set("2026-06-15T15:00:00Z");
  });

  it("requires a reason to cancel, and refuses cancellation details on an active appointment", async () => {
    const { appointment } = await api().appointment.create({ officeId: world.denver.id });
    expect(await failure(api().appointment.cancel({ id: appointment.id, reason: "  " }))).toMatchObject({ reason: "invalid-param", field: "reason" });
    const error = await failure(api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { onSiteCancel: true } }));
    expect(error).toMatchObject({ reason: "invalid-param", field: "onSiteCancel" });
  });
});

describe("photographer overlaps", () => {
  it("warns on create and update and lists overlaps, ignoring cancelled and back-to-back shoots", async () => {
    const base = { officeId: world.denver.id, photographerUserId: world.bob.id, dateStartLocal: "2026-08-01" };
    const first = await api().appointment.create({ ...base, timeStartLocal: "09:00", timeDurationS: 7200, summary: "First" });
    expect(first.warnings).toEqual([]);
    const adjacent = await api().appointment.create({ ...base, timeStartLocal: "11:00", timeDurationS: 3600 });
    expect(adjacent.warnings).toEqual([]);
    const overlapping = await api().appointment.create({ ...base, timeStartLocal: "10:00", timeDurationS: 5400 });
    expect(overlapping.warnings).toHaveLength(1);
    expect(overlapping.warnings[0]).toMatchObject({ code: "photographer-overlap", field: "photographerUserId" });
    expect(overlapping.warnings[0]!.overlaps!.map((o) => o.id).sort()).toEqual([first.appointment.id, adjacent.appointment.id].sort());

    const listed = await api().appointment.conflicts({ id: first.appointment.id });
    expect(listed.map((o) => o.id)).toEqual([overlapping.appointment.id]);
    await api().appointment.cancel({ id: overlapping.appointment.id, reason: "double-booked" });
    expect(await api().appointment.conflicts({ id: first.appointment.id })).toEqual([]);

    // A multi-day all-day booking overlaps a shoot that starts days after it began.
    const retreat = await api().appointment.create({
      officeId: world.denver.id,
      photographerUserId: world.bob.id,
      allday: true,
      dateStartLocal: "2026-07-29",
      dateStopLocal: "2026-08-02",
      summary: "Five-day retreat",
    });
    expect(retreat.warnings[0]?.overlaps?.map((o) => o.id)).toEqual([first.appointment.id, adjacent.appointment.id]);
    expect((await api().appointment.conflicts({ id: first.appointment.id })).map((o) => o.id)).toEqual([retreat.appointment.id]);
    await api().appointment.cancel({ id: retreat.appointment.id, reason: "moved" });

    const slot = await api().appointment.conflicts({
      photographerUserId: world.bob.id,
      startsAt: "2026-08-01T15:30:00Z",
      stopsAt: "2026-08-01T16:30:00Z",
    });
    expect(slot.map((o) => o.id)).toEqual([first.appointment.id]);
  });
});

describe("list", () => {
  let ids: number[];
  beforeAll(async () => {
    ids = [];
    for (let day = 10; day < 20; day++) {
      const { appointment } = await api().appointment.create({
        officeId: day % 2 === 0 ? world.denver.id : world.berlin.id,
        dateStartLocal: `2026-09-${day}`,
        timeStartLocal: "10:00",
        timeDurationS: 3600,
        photographerUserId: day < 15 ? world.ann.id : world.bob.id,
        summary: day === 13 ? "Twilight shoot at the Lighthouse" : `Listing ${day}`,
        confirmed: day % 3 === 0,
      });
      ids.push(appointment.id);
    }
  });

  it("pages through a date range with cursors, in start order, without gaps or repeats", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api().appointment.list({ dateFromLocal: "2026-09-10", dateToLocal: "2026-09-19", limit: 3, cursor });
      seen.push(...page.appointments.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    const descending = await api().appointment.list({ dateFromLocal: "2026-09-10", dateToLocal: "2026-09-19", sort: "-startsAt", limit: 200 });
    expect(descending.appointments.map((a) => a.id)).toEqual([...ids].reverse());
  });

  it("filters by photographer, office, flags, UTC range and free text", async () => {
    const range = { dateFromLocal: "2026-09-10", dateToLocal: "2026-09-19" };
    expect((await api().appointment.list({ ...range, photographerUserId: world.ann.id })).appointments).toHaveLength(5);
    expect((await api().appointment.list({ ...range, officeId: world.berlin.id })).appointments).toHaveLength(5);
    expect((await api().appointment.list({ ...range, confirmed: true })).appointments.map((a) => a.dateStartLocal)).toEqual([
      "2026-09-12",
      "2026-09-15",
      "2026-09-18",
    ]);
    const utc = await api().appointment.list({ startsFrom: "2026-09-12T00:00:00Z", startsTo: "2026-09-13T00:00:00Z" });
    expect(utc.appointments.map((a) => a.id)).toEqual([ids[2]]);
    const text = await api().appointment.list({ search: "LIGHTHOUSE" });
    expect(text.appointments.map((a) => a.id)).toEqual([ids[3]]);
    const byName = await api().appointment.list({ ...range, search: "bob photo" });
    expect(byName.appointments).toHaveLength(5);
  });

  it("rejects a cursor it did not issue and a page size over 200", async () => {
    expect(await failure(api().appointment.list({ cursor: "not-a-cursor" }))).toMatchObject({ field: "cursor" });
    expect(await failure(api().appointment.list({ limit: 201 }))).toMatchObject({ field: "limit", message: "limit: at most 200 per page" });
    expect(await failure(api().appointment.update({ updatedAtMt: "x", patch: {} }))).toMatchObject({ reason: "missing-param", field: "id" });
  });
});
