/**
 * The schedulers' multi-row tools: who is free for a slot, one change to many
 * rows (`appointment.bulk`), the list's `#id`/order search, and saved views.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld, testClock, userWithSession } from "@plano/testing/fixtures";
import { describedFailure } from "@plano/testing/described-failure";

type Database = Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;
let world: Awaited<ReturnType<typeof smallWorld>>;
let scheduler: string;
const clock = testClock(new Date("2026-06-15T15:00:00Z"));
const api = (token = scheduler, application?: string) => callerFor(database, { token, application, clock: clock.now });

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  scheduler = await appToken(database, "planox2", "scheduler");
});
afterAll(async () => {
  await database.drop();
});

let day = 0;
/** A Denver shoot on its own day (so tests do not overlap each other). */
async function shoot(patch: Record<string, unknown> = {}) {
  day += 1;
  const date = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const { appointment } = await api().appointment.create({
    officeId: world.denver.id,
    dateStartLocal: date,
    timeStartLocal: "10:00",
    timeDuration: "1:30",
    summary: `Shoot ${day}`,
    ...patch,
  });
  return appointment;
}

describe("appointment.availability", () => {
  it("groups photographers by office and says who overlaps, and with what", async () => {
    // Home offices are the employee records' (as the board's lanes): Ann works from Denver, Bob from Berlin.
    await database.db.employeeRecord.update({ where: { userId: world.ann.id }, data: { officeId: world.denver.id } });
    await database.db.employeeRecord.update({ where: { userId: world.bob.id }, data: { officeId: world.berlin.id } });
    const busy = await shoot({ photographerUserId: world.ann.id });
    // Bob's latest shoot was for Denver: a visit, which does not move him out of Berlin's group.
    await api().appointment.create({
      officeId: world.denver.id,
      photographerUserId: world.bob.id,
      dateStartLocal: "2026-12-01",
      timeStartLocal: "09:00",
      timeDuration: "1:00",
    });
    // Half an hour into Ann's 10:00–11:30 (MST, UTC-7) shoot.
    const result = await api().appointment.availability({
      startsAt: "2027-01-01T00:00:00Z".replace("2027-01-01", busy.dateStartLocal!).replace("00:00:00", "17:30:00"),
      stopsAt: busy.stopsAt!,
    });
    const byName = new Map(result.offices.flatMap((office) => office.photographers.map((p) => [p.name, { office: office.officeName, ...p }])));
    expect(byName.get("Ann Photographer")).toMatchObject({ office: "Denver", free: false, overlaps: [{ id: busy.id, summary: busy.summary }] });
    expect(byName.get("Bob Photographer")).toMatchObject({ office: "Berlin", free: true, overlaps: [] });

    // The appointment being edited is not its own overlap; a cancelled one blocks no one.
    const own = await api().appointment.availability({ startsAt: busy.startsAt!, stopsAt: busy.stopsAt!, excludeId: busy.id });
    expect(own.offices.flatMap((o) => o.photographers).find((p) => p.id === world.ann.id)?.free).toBe(true);
  });

  it("tells a photographer that a colleague is busy, but not with what", async () => {
    const busy = await shoot({ photographerUserId: world.ann.id, summary: "12 Private Lane" });
    const bob = await userWithSession(database, { photographer: true, employee: true, roles: [{ application: "planoauth", role: "photographer" }] });
    const result = await api(bob.token, "planoauth").appointment.availability({ startsAt: busy.startsAt!, stopsAt: busy.stopsAt! });
    const ann = result.offices.flatMap((o) => o.photographers).find((p) => p.id === world.ann.id);
    expect(ann).toMatchObject({ free: false, overlaps: [], hiddenOverlaps: 1 });
    expect(JSON.stringify(result)).not.toContain("Private Lane");
  });

  it("refuses a slot that ends before it starts, naming the field", async () => {
    const failure = await describedFailure(api().appointment.availability({ startsAt: "2027-01-01T10:00:00Z", stopsAt: "2027-01-01T09:00:00Z" }));
    expect(failure).toMatchObject({ reason: "invalid-param", field: "stopsAt" });
  });
});

describe("appointment.board", () => {
  it("holds the shoots that run into the shown days, also those begun on an earlier day", async () => {
    const denver = world.denver.id;
    const on = (dateStartLocal: string, timeStartLocal: string, timeDurationS: number, summary: string) =>
      api()
        .appointment.create({ officeId: denver, photographerUserId: world.ann.id, dateStartLocal, timeStartLocal, timeDurationS, summary })
        .then((r) => r.appointment);
    const overnight = await on("2027-05-09", "20:00", 10 * 3600, "overnight, into the 10th");
    const long = await on("2027-05-07", "09:00", 4 * 86_400, "four days, into the 10th");
    const sameDay = await on("2027-05-10", "10:00", 3600, "on the 10th");
    const before = await on("2027-05-09", "10:00", 3600, "ends on the 9th");

    const board = await api().appointment.board({ date: "2027-05-10", view: "day", officeId: denver });
    const ids = board.appointments.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([overnight.id, long.id, sameDay.id]));
    expect(ids).not.toContain(before.id);
    // In start order, the earliest begun first.
    expect(ids.filter((id) => [overnight.id, long.id, sameDay.id, before.id].includes(id))).toEqual([long.id, overnight.id, sameDay.id]);
  });
});

describe("appointment.bulk", () => {
  it("applies each row with its own version and reports done, conflict and invalid per row", async () => {
    const fresh = await shoot();
    const stale = await shoot();
    const cancelled = await shoot();
    await api().appointment.update({ id: stale.id, updatedAtMt: stale.updatedAtMt, patch: { notes: "someone else" } });
    await api().appointment.cancel({ id: cancelled.id, reason: "client asked" });
    const missing = 2_000_000_000;

    const result = await api().appointment.bulk({
      change: { kind: "reassign", photographerUserId: world.bob.id },
      rows: [fresh, stale, { id: missing, updatedAtMt: fresh.updatedAtMt }].map((a) => ({ id: a.id, updatedAtMt: a.updatedAtMt })),
    });
    expect(result).toMatchObject({ done: 1, conflicts: 1, invalid: 1 });
    expect(result.results.map((r) => [r.id, r.status])).toEqual([
      [fresh.id, "done"],
      [stale.id, "conflict"],
      [missing, "invalid"],
    ]);
    expect(result.results[2]?.reason).toContain(String(missing));
    // The conflict hands back the current version to retry with.
    const current = await api().appointment.byId({ id: stale.id });
    expect(result.results[1]?.updatedAtMt).toBe(current.updatedAtMt);
    expect(current.photographerUserId).toBeNull();
    expect((await api().appointment.byId({ id: fresh.id })).photographerName).toBe("Bob Photographer");

    // One audit entry per changed row, named as the single update names it.
    const history = await api().appointment.history({ id: fresh.id });
    expect(history[0]).toMatchObject({ action: "update", changes: { photographerUserId: { before: null, after: world.bob.id } } });
    expect(history).toHaveLength(2);
  });

  it("moves by N days keeping the local time and the length", async () => {
    const a = await shoot();
    const result = await api().appointment.bulk({ change: { kind: "move", days: 3 }, rows: [{ id: a.id, updatedAtMt: a.updatedAtMt }] });
    expect(result.done).toBe(1);
    const moved = await api().appointment.byId({ id: a.id });
    expect(Date.parse(moved.dateStartLocal!) - Date.parse(a.dateStartLocal!)).toBe(3 * 86_400_000);
    expect(moved).toMatchObject({ timeStartLocal: "10:00:00", timeStopLocal: "11:30:00", timeDurationS: 5400 });
  });

  it("confirms and cancels with a reason through the single procedures' rules", async () => {
    const a = await shoot();
    const b = await shoot();
    const confirmed = await api().appointment.bulk({ change: { kind: "confirm" }, rows: [a, b].map((x) => ({ id: x.id, updatedAtMt: x.updatedAtMt })) });
    expect(confirmed.done).toBe(2);
    const after = await api().appointment.byId({ id: a.id });
    expect(after).toMatchObject({ confirmed: true, confirmedBy: expect.any(String) });
    expect((await api().appointment.history({ id: a.id }))[0]?.action).toBe("confirm");

    const cancelled = await api().appointment.bulk({ change: { kind: "cancel", reason: "storm" }, rows: [{ id: a.id, updatedAtMt: after.updatedAtMt }] });
    expect(cancelled.done).toBe(1);
    expect(await api().appointment.byId({ id: a.id })).toMatchObject({ cancelled: true, cancelReason: "storm" });
  });

  it("refuses more than 500 rows, a blank reason and a move by 0 days before changing anything", async () => {
    const a = await shoot();
    const rows = Array.from({ length: 501 }, (_, i) => ({ id: i + 1, updatedAtMt: a.updatedAtMt }));
    expect(await describedFailure(api().appointment.bulk({ change: { kind: "confirm" }, rows }))).toMatchObject({ reason: "invalid-param", field: "rows" });
    const one = [{ id: a.id, updatedAtMt: a.updatedAtMt }];
    expect(await describedFailure(api().appointment.bulk({ change: { kind: "cancel", reason: "  " }, rows: one }))).toMatchObject({ field: "change.reason" });
    expect(await describedFailure(api().appointment.bulk({ change: { kind: "move", days: 0 }, rows: one }))).toMatchObject({ field: "change.days" });
    expect((await api().appointment.history({ id: a.id })).length).toBe(1);
  });

  it("lets a caller change only what the single procedures let them", async () => {
    const a = await shoot();
    const viewer = await appToken(database, "planox2", "viewer");
    const result = await api(viewer).appointment.bulk({ change: { kind: "move", days: 1 }, rows: [{ id: a.id, updatedAtMt: a.updatedAtMt }] });
    expect(result.results[0]).toMatchObject({ status: "invalid", reason: expect.stringContaining("appointments:write") });
    expect((await api().appointment.byId({ id: a.id })).dateStartLocal).toBe(a.dateStartLocal);
  });
});

describe("appointment.list search", () => {
  it("finds #id and order numbers", async () => {
    const a = await shoot({ orderId: world.otherOrder.id });
    const byId = await api().appointment.list({ search: `#${a.id}` });
    expect(byId.appointments.map((x) => x.id)).toContain(a.id);
    expect(byId.appointments.every((x) => x.id === a.id || x.orderId === a.id)).toBe(true);
    const byOrder = await api().appointment.list({ search: String(world.otherOrder.id) });
    expect(byOrder.appointments.map((x) => x.id)).toContain(a.id);
    expect(byOrder.orders).toContainEqual({ id: world.otherOrder.id, reference: "ORD-2", clientName: null });
  });
});

describe("view.*", () => {
  it("keeps views per user, offers shared ones to colleagues, and lets only the owner delete", async () => {
    const sam = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "scheduler" }] });
    const kim = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "scheduler" }] });
    const asSam = api(sam.token, "planoauth");
    const asKim = api(kim.token, "planoauth");
    await asSam.view.save({ name: "My Denver week", query: "office=1&from=2027-01-01&cursor=abc" });
    const shared = await asSam.view.save({ name: "Unconfirmed", query: "confirmed=no", shared: true });

    expect((await asSam.view.list()).map((v) => [v.name, v.query])).toEqual([
      ["My Denver week", "office=1&from=2027-01-01"],
      ["Unconfirmed", "confirmed=no"],
    ]);
    expect(await asKim.view.list()).toEqual([
      { id: shared.id, name: "Unconfirmed", query: "confirmed=no", shared: true, ownerName: sam.user.name, mine: false },
    ]);
    expect(await describedFailure(asKim.view.delete({ id: shared.id }))).toMatchObject({ reason: "not-found" });
    await asSam.view.delete({ id: shared.id });
    expect(await asKim.view.list()).toEqual([]);
    expect(await describedFailure(asSam.view.save({ name: "x", query: "<script>" }))).toMatchObject({ field: "query" });
  });
});
