/**
 * The one-query load must give exactly what Prisma's include gives: the same
 * fields, names and types (dates, times, instants, nulls), by id and by uuid.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { loadAppointment } from "./appointment-load";
import { withoutOrder } from "./appointment-columns";
import { appointmentInclude } from "../domain/appointment-record";

describe("loadAppointment", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let world: Awaited<ReturnType<typeof smallWorld>>;
  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
  });
  afterAll(() => database.drop());

  const viaPrisma = (id: number) =>
    database.db.appointment.findUnique({ where: { id }, include: { ...appointmentInclude, order: { select: { clientId: true } } } });

  it("matches Prisma's include for a fully filled appointment, by id and by uuid", async () => {
    const api = callerFor(database, { token: await appToken(database) });
    const { appointment } = await api.appointment.create({
      officeId: world.berlin.id,
      orderId: world.order.id,
      photographerUserId: world.ann.id,
      dateStartLocal: "2026-03-29",
      timeStartLocal: "01:30",
      timeDurationS: 5400,
      windowDateStart: "2026-03-28",
      windowDateEnd: "2026-03-30",
      windowTimeStart: 60,
      windowTimeEnd: 600,
      requestedDate: "2026-03-27",
      requestedTime: "09:15",
      summary: "Twilight shoot",
      notes: "gate code 1234",
    });
    await api.appointment.confirm({ id: appointment.id });
    const expected = await viaPrisma(appointment.id);
    expect(await loadAppointment(database.db, { id: appointment.id })).toStrictEqual(expected);
    expect(await loadAppointment(database.db, { uuid: appointment.uuid })).toStrictEqual(expected);
    // In the same order too: the API's answers list the fields in the order of the row they were built from.
    const loaded = (await loadAppointment(database.db, { id: appointment.id }))!;
    expect(Object.keys(loaded)).toEqual(Object.keys(expected!));
    // What procedures hand on: the same row without its order, in the same order.
    const { order: _order, ...withoutItsOrder } = loaded;
    expect(withoutOrder(loaded)).toStrictEqual(withoutItsOrder);
    expect(Object.keys(withoutOrder(loaded))).toEqual(Object.keys(withoutItsOrder));
  });

  it("gives a null order for an appointment without one, and null for an unknown appointment", async () => {
    const api = callerFor(database, { token: await appToken(database) });
    const { appointment } = await api.appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-07-01" });
    const loaded = await loadAppointment(database.db, { id: appointment.id });
    expect(loaded).toStrictEqual(await viaPrisma(appointment.id));
    expect(loaded?.order).toBeNull();
    expect(await loadAppointment(database.db, { id: 987654321 })).toBeNull();
    expect(await loadAppointment(database.db, { uuid: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
