/**
 * The raw compare-and-set write must store what Prisma's query builder
 * stored: every kind of column (dates, times, instants, integers, booleans,
 * nulls) round-trips exactly, the answer is the stored row, and the audit
 * entry is written with it, or not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { appointmentInclude, toAppointment } from "../domain/appointment-record";
import { loadAppointment } from "./appointment-load";
import { updateAppointmentIfUnchanged } from "./appointment-write";
import { findPhotographerOverlaps } from "./overlaps";

describe("updateAppointmentIfUnchanged (through appointment.update)", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let world: Awaited<ReturnType<typeof smallWorld>>;
  let api: ReturnType<typeof callerFor>;
  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
    api = callerFor(database, { token: await appToken(database) });
  });
  afterAll(() => database.drop());

  const stored = (id: number) => database.db.appointment.findUniqueOrThrow({ where: { id }, include: appointmentInclude });
  const changesOf = (id: number) => database.db.appointmentChange.findMany({ where: { appointmentId: id }, orderBy: { id: "asc" } });

  it("stores every kind of column exactly and answers with the stored row", async () => {
    const { appointment } = await api.appointment.create({
      officeId: world.denver.id,
      dateStartLocal: "2026-03-07",
      timeStartLocal: "23:30",
      timeDurationS: 3600,
    });
    const { appointment: updated } = await api.appointment.update({
      id: appointment.id,
      updatedAtMt: appointment.updatedAtMt,
      patch: {
        officeId: world.berlin.id,
        photographerUserId: world.ann.id,
        orderId: world.order.id,
        dateStartLocal: "2026-03-29", // local to the appointment's own zone, which stays Denver's
        timeStartLocal: "01:30",
        timeDurationS: 5400,
        windowDateStart: "2026-03-28",
        windowDateEnd: "2026-03-30",
        windowTimeStart: 0,
        windowTimeEnd: 1440,
        requestedTime: "09:15",
        readyToSchedule: true,
        notes: "line one\nline 'two' \"quoted\" ünïcode",
        summary: null,
      },
    });
    const row = await stored(appointment.id);
    expect(updated.updatedAtMt).toBe(row.updatedAt.toISOString());
    expect(row).toMatchObject({
      officeId: world.berlin.id,
      office: { timeZone: "Europe/Berlin" },
      dateStartLocal: new Date("2026-03-29T00:00:00Z"),
      timeStartLocal: new Date("1970-01-01T01:30:00Z"),
      timeStopLocal: new Date("1970-01-01T03:00:00Z"),
      startsAt: new Date("2026-03-29T07:30:00Z"),
      stopsAt: new Date("2026-03-29T09:00:00Z"),
      timeStartOffice: new Date("1970-01-01T09:30:00Z"), // Berlin, summer time since that night
      windowTimeStart: 0,
      windowTimeEnd: 1440,
      requestedTime: new Date("1970-01-01T09:15:00Z"),
      readyToSchedule: true,
      notes: "line one\nline 'two' \"quoted\" ünïcode",
      summary: null,
      searchText: expect.stringContaining("ünïcode"),
    });
    expect((await api.appointment.byId({ id: appointment.id })).updatedAtMt).toBe(updated.updatedAtMt);
    const [, change] = await changesOf(appointment.id);
    expect(change).toMatchObject({ action: "update", actor: "planoorder", channel: "trpc", application: "planoorder" });
    // The entry keeps the clock's time; the version is that time or, within the previous version's second, the next whole second.
    const previousSecond = Math.floor(new Date(appointment.updatedAtMt).getTime() / 1000) * 1000;
    expect(row.updatedAt.getTime()).toBe(Math.max(change!.at.getTime(), previousSecond + 1000));
    expect(change!.changes).toMatchObject({ notes: { before: null, after: row.notes }, officeId: { before: world.denver.id, after: world.berlin.id } });
  });

  it("writes neither the row nor an audit entry when the version is stale", async () => {
    const { appointment } = await api.appointment.create({ officeId: world.denver.id, notes: "first" });
    const { appointment: second } = await api.appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "second" } });
    const stale = await api.appointment
      .update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "lost" } })
      .catch((e: { cause?: { reason?: string } }) => e.cause?.reason);
    expect(stale).toBe("update-conflict");
    expect((await stored(appointment.id)).notes).toBe("second");
    expect((await stored(appointment.id)).updatedAt.toISOString()).toBe(second.updatedAtMt);
    expect((await changesOf(appointment.id)).map((c) => c.action)).toEqual(["create", "update"]);
  });

  it("reads in the write's own statement exactly the overlaps the query on its own reads, for every scope", async () => {
    // Ann's shoots on one Denver day: overlapping, back to back, cancelled, a long one across it, one of the client's order.
    const shoot = (patch: Record<string, unknown>) =>
      api.appointment.create({ officeId: world.denver.id, photographerUserId: world.ann.id, dateStartLocal: "2026-09-10", ...patch });
    const { appointment: target } = await shoot({ timeStartLocal: "10:00", timeDurationS: 7200, summary: "target" });
    await shoot({ timeStartLocal: "11:00", timeDurationS: 3600, summary: "inside" });
    await shoot({ timeStartLocal: "09:00", timeDurationS: 3600, summary: "just before" });
    await shoot({ timeStartLocal: "11:30", timeDurationS: 7200, summary: "ordered", orderId: world.order.id });
    const { appointment: cancelled } = await shoot({ timeStartLocal: "10:30", timeDurationS: 600, summary: "cancelled" });
    await api.appointment.cancel({ id: cancelled.id, reason: "client asked" });
    await shoot({ allday: true, dateStartLocal: "2026-09-08", dateStopLocal: "2026-09-12", summary: "long" });
    const scopes = [
      { all: true },
      { all: false, photographerUserId: world.ann.id, clientId: null },
      { all: false, photographerUserId: null, clientId: world.order.clientId },
      { all: false, photographerUserId: null, clientId: null },
    ] as const;
    let row = (await loadAppointment(database.db, { id: target.id }))!;
    for (const [i, scope] of scopes.entries()) {
      const current = toAppointment(row);
      const { id: _i, uuid: _u, createdAt: _c, updatedAt: _t, updatedAtMt: _v, ...before } = current;
      const next = { ...before, notes: `pass ${i}` };
      const audit = { actor: "test", actorUserId: null, application: "planoorder", channel: "trpc" as const, now: new Date() };
      const outcome = await updateAppointmentIfUnchanged(database.db, target.id, row.updatedAt, before, next, "update", audit, scope);
      if (!outcome.ok) throw new Error("the write did not happen");
      const alone = await findPhotographerOverlaps(database.db, { ...next, excludeId: target.id }, scope);
      expect(JSON.stringify(outcome.overlaps)).toBe(JSON.stringify(alone));
      if (scope.all) expect(alone.map((o) => o.summary)).toEqual(["long", "inside", "ordered"]);
      row = (await loadAppointment(database.db, { id: target.id }))!;
    }
  });
});
