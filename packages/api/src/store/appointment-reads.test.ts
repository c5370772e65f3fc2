/**
 * The list's raw query: paging across unscheduled appointments (no start,
 * listed last in both directions) and the visibility of photographers and
 * clients, which the shared list tests do not reach.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld, userWithSession } from "@plano/testing/fixtures";

describe("listAppointments", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let world: Awaited<ReturnType<typeof smallWorld>>;
  let api: ReturnType<typeof callerFor>;
  const scheduled: number[] = [];
  const unscheduled: number[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
    api = callerFor(database, { token: await appToken(database) });
    for (let day = 1; day <= 4; day++) {
      const { appointment } = await api.appointment.create({
        officeId: world.denver.id,
        dateStartLocal: `2026-10-0${day}`,
        timeStartLocal: "09:00",
        photographerUserId: day % 2 ? world.ann.id : world.bob.id,
        orderId: day <= 2 ? world.order.id : world.otherOrder.id,
        summary: `Scheduled ${day}`,
      });
      scheduled.push(appointment.id);
    }
    for (let i = 0; i < 3; i++) unscheduled.push((await api.appointment.create({ officeId: world.denver.id, summary: `Open ${i}` })).appointment.id);
  });
  afterAll(() => database.drop());

  async function pageThrough(sort: "startsAt" | "-startsAt") {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.appointment.list({ sort, limit: 2, cursor, officeId: world.denver.id });
      seen.push(...page.appointments.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it("pages through scheduled then unscheduled appointments, in both directions", async () => {
    expect(await pageThrough("startsAt")).toEqual([...scheduled, ...unscheduled]);
    expect(await pageThrough("-startsAt")).toEqual([...[...scheduled].reverse(), ...[...unscheduled].reverse()]);
  });

  it("shows a photographer their own shoots and a client their own orders' appointments", async () => {
    const photographer = await userWithSession(database, { photographer: true, roles: [{ application: "planoorder", role: "photographer" }] });
    const client = await userWithSession(database, { client: true });
    const own = await database.db.order.create({ data: { clientId: client.user.client!.id, reference: "OWN" } });
    const { appointment: shoot } = await api.appointment.create({ officeId: world.berlin.id, photographerUserId: photographer.user.id });
    const { appointment: ordered } = await api.appointment.create({ officeId: world.berlin.id, orderId: own.id });

    const asPhotographer = callerFor(database, { token: photographer.token, application: "planoorder" });
    expect((await asPhotographer.appointment.list({})).appointments.map((a) => a.id)).toEqual([shoot.id]);
    const asClient = callerFor(database, { token: client.token, application: "planoorder" });
    expect((await asClient.appointment.list({})).appointments.map((a) => a.id)).toEqual([ordered.id]);
  });
});
