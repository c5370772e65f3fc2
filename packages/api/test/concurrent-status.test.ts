/**
 * Confirm and cancel are documented as no-ops when repeated (FileMaker retries
 * requests that timed out), so racing ones must all succeed too: 1 to 29 of 30
 * concurrent confirms used to get update-conflict (409).
 */
import type { TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppointmentEvent, AppointmentMailer } from "../src/domain/mail";
import { appToken, callerFor, freshDatabase, smallWorld, testClock } from "@plano/testing/fixtures";

const clock = testClock();
let database: TestDatabase;
let world: Awaited<ReturnType<typeof smallWorld>>;
let token: string;
const sent: AppointmentEvent[] = [];
const mailer: AppointmentMailer = {
  async appointmentEvent(_db, event) {
    sent.push(event);
  },
  async resend() {
    return undefined;
  },
};
const api = () => callerFor(database, { token, clock: clock.now, mailer });

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  token = await appToken(database, "planoorder");
});
afterAll(() => database.drop());

async function newAppointment() {
  const { appointment } = await api().appointment.create({
    officeId: world.denver.id,
    orderId: world.order.id,
    dateStartLocal: "2026-09-01",
    timeStartLocal: "10:00",
  });
  return appointment;
}

const settle = (calls: Promise<unknown>[]) =>
  Promise.allSettled(calls).then((results) => results.map((result) => (result.status === "fulfilled" ? "ok" : (result.reason as Error).message)));

describe("30 concurrent", () => {
  it.each([
    ["confirm", "confirmed", (id: number) => api().appointment.confirm({ id })],
    ["cancel", "cancelled", (id: number) => api().appointment.cancel({ id, reason: "client asked" })],
  ] as const)("%s calls all succeed, with one audit entry and one email", async (action, kind, call) => {
    const appointment = await newAppointment();
    sent.length = 0;
    const outcomes = await settle(Array.from({ length: 30 }, () => call(appointment.id)));
    expect(outcomes).toEqual(Array.from({ length: 30 }, () => "ok"));
    const history = await api().appointment.history({ id: appointment.id });
    expect(history.filter((entry) => entry.action === action)).toHaveLength(1);
    expect(sent.filter((event) => event.kind === kind && event.appointment.id === appointment.id)).toHaveLength(1);
  });

  it("confirms with the version that was read also succeed, as the repeat they are", async () => {
    const appointment = await newAppointment();
    sent.length = 0;
    const outcomes = await settle(Array.from({ length: 30 }, () => api().appointment.confirm({ id: appointment.id, updatedAtMt: appointment.updatedAtMt })));
    expect(outcomes).toEqual(Array.from({ length: 30 }, () => "ok"));
    expect(sent).toHaveLength(1);
  });

  it("a confirm naming a version that another edit replaced is still a conflict", async () => {
    const appointment = await newAppointment();
    await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "moved" } });
    await expect(api().appointment.confirm({ id: appointment.id, updatedAtMt: appointment.updatedAtMt })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
