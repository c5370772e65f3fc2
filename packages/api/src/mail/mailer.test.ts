import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld, testClock } from "@plano/testing/fixtures";
import { mailerFor, OutboxMailer } from "./mailer";
import { outboxStatuses, retryDelayMs } from "./outbox";
import { describedFailure } from "@plano/testing/described-failure";
import { startFakeMandrill, type FakeMandrill } from "@plano/testing/fake-mandrill";

type Database = Awaited<ReturnType<typeof freshDatabase>>;
type World = Awaited<ReturnType<typeof smallWorld>>;

const MINUTE = 60_000;

let database: Database;
let world: World;
let token: string;
let mandrill: FakeMandrill;
const clock = testClock(new Date("2026-06-15T15:00:00Z"));

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  token = await appToken(database, "planoorder");
  mandrill = await startFakeMandrill();
});
afterAll(async () => {
  await mandrill.close();
  await database.drop();
});
beforeEach(async () => {
  mandrill.setMode("accept");
  mandrill.received.length = 0;
  // Each test starts with an empty outbox, so retry passes see only its own emails.
  await database.db.notification.deleteMany();
  await database.db.outboxEmail.deleteMany();
});

const mandrillMailer = (timeoutMs = 2_000) =>
  new OutboxMailer({
    mandrill: { apiKey: "test-key", baseUrl: mandrill.baseUrl, fromEmail: "appointments@plano.test", fromName: "Plano", timeoutMs },
    clock: clock.now,
  });

async function orderedAppointment(mailer: OutboxMailer, fields: { orderId?: number | null } = {}) {
  const api = callerFor(database, { token, clock: clock.now, mailer });
  const { appointment } = await api.appointment.create({
    officeId: world.denver.id,
    orderId: fields.orderId === undefined ? world.order.id : fields.orderId,
    summary: "Kitchen shoot",
    location: "12 Elm St",
    dateStartLocal: "2026-07-01",
    timeStartLocal: "10:00",
    timeDurationS: 3600,
  });
  return { api, appointment };
}

const outboxOf = (appointmentId: number) => database.db.outboxEmail.findMany({ where: { appointmentId }, orderBy: { id: "asc" } });
const noticesOf = (appointmentId: number) => database.db.notification.findMany({ where: { appointmentId }, orderBy: { id: "asc" } });

describe("confirm and cancel emails through Mandrill", () => {
  it("sends the confirmation to the order's client and records it as sent", async () => {
    const { api, appointment } = await orderedAppointment(mandrillMailer());
    await api.appointment.confirm({ id: appointment.id });

    expect(mandrill.received).toHaveLength(1);
    const [sent] = mandrill.received;
    expect(sent!.key).toBe("test-key");
    expect(sent!.message.to).toEqual([{ email: world.client.email, name: "Carla Client", type: "to" }]);
    expect(sent!.message.subject).toBe("Confirmed: Kitchen shoot on 2026-07-01 at 10:00 (America/Denver)");
    expect(sent!.message.text).toContain("12 Elm St");
    const [row] = await outboxOf(appointment.id);
    expect(row).toMatchObject({ status: outboxStatuses.sent, attempts: 1, lastError: null, sentAt: clock.now() });
    expect(await noticesOf(appointment.id)).toEqual([]);
  });

  it("says why in the cancellation email", async () => {
    const { api, appointment } = await orderedAppointment(mandrillMailer());
    await api.appointment.cancel({ id: appointment.id, reason: "Client moved out" });
    expect(mandrill.received[0]!.message.subject).toMatch(/^Cancelled: Kitchen shoot/);
    expect(mandrill.received[0]!.message.text).toContain("Reason: Client moved out");
  });

  it("emails nobody when the appointment has no order", async () => {
    const { api, appointment } = await orderedAppointment(mandrillMailer(), { orderId: null });
    await api.appointment.confirm({ id: appointment.id });
    expect(mandrill.received).toEqual([]);
    expect(await outboxOf(appointment.id)).toEqual([]);
  });

  it.each([
    ["reject", "Mandrill did not accept the message: rejected (hard-bounce)"],
    ["error", "Mandrill answered HTTP 500: Invalid API key"],
    ["hang", "Mandrill did not answer within 300 ms"],
  ] as const)("keeps the change, queues a retry and opens a notice when Mandrill fails (%s)", async (mode, lastError) => {
    mandrill.setMode(mode);
    const { api, appointment } = await orderedAppointment(mandrillMailer(300));

    const failure = await describedFailure(api.appointment.confirm({ id: appointment.id }));
    expect(failure.reason).toBe("email-failed");
    expect(failure.extra.saved).toMatchObject({ id: appointment.id, confirmed: true });
    expect(await database.db.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).toMatchObject({ confirmed: true });

    const [row] = await outboxOf(appointment.id);
    expect(row).toMatchObject({
      status: outboxStatuses.pending,
      attempts: 1,
      lastError,
      sentAt: null,
      nextAttemptAt: new Date(clock.now().getTime() + MINUTE),
    });
    const notices = await noticesOf(appointment.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "email-failed", outboxEmailId: row!.id, resolvedAt: null });
    expect(notices[0]!.message).toContain(lastError);
  });

  it("without an API key records the email in the outbox as sent locally", async () => {
    const { api, appointment } = await orderedAppointment(new OutboxMailer({ clock: clock.now }));
    await api.appointment.confirm({ id: appointment.id });
    expect(mandrill.received).toEqual([]);
    expect(await outboxOf(appointment.id)).toEqual([expect.objectContaining({ status: outboxStatuses.sentLocally, toEmail: world.client.email })]);
  });
});

describe("the outbox retry", () => {
  afterEach(() => clock.set("2026-06-15T15:00:00Z"));

  it("retries when due, with a growing delay and one notice, and resolves the notice once sent", async () => {
    mandrill.setMode("error");
    const mailer = mandrillMailer();
    const { api, appointment } = await orderedAppointment(mailer);
    await describedFailure(api.appointment.confirm({ id: appointment.id }));

    // Not due yet: nothing is attempted.
    expect(await mailer.retryOutbox(database.db)).toEqual({ attempted: 0, sent: 0, failed: 0 });

    clock.advance(MINUTE);
    expect(await mailer.retryOutbox(database.db)).toEqual({ attempted: 1, sent: 0, failed: 1 });
    const [second] = await outboxOf(appointment.id);
    expect(second).toMatchObject({ attempts: 2, nextAttemptAt: new Date(clock.now().getTime() + 2 * MINUTE) });
    expect(await noticesOf(appointment.id)).toHaveLength(1);

    mandrill.setMode("accept");
    clock.advance(2 * MINUTE);
    expect(await mailer.retryOutbox(database.db)).toEqual({ attempted: 1, sent: 1, failed: 0 });
    expect(await outboxOf(appointment.id)).toEqual([expect.objectContaining({ status: outboxStatuses.sent, attempts: 3, lastError: null })]);
    expect(await noticesOf(appointment.id)).toEqual([expect.objectContaining({ resolvedAt: clock.now() })]);
    expect(await mailer.retryOutbox(database.db)).toEqual({ attempted: 0, sent: 0, failed: 0 });
  });

  it("lets only one of two concurrent retry passes send an email", async () => {
    mandrill.setMode("error");
    const mailer = mandrillMailer();
    const { api, appointment } = await orderedAppointment(mailer);
    await describedFailure(api.appointment.confirm({ id: appointment.id }));
    mandrill.setMode("accept");
    mandrill.received.length = 0;
    clock.advance(MINUTE);

    const passes = await Promise.all([mailer.retryOutbox(database.db), mailer.retryOutbox(database.db)]);
    expect(passes.reduce((sum, pass) => sum + pass.sent, 0)).toBe(1);
    expect(mandrill.received).toHaveLength(1);
  });

  it("waits 1, 2, 4 … minutes between attempts, at most an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((attempts) => retryDelayMs(attempts) / MINUTE)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });
});

describe("mailerFor", () => {
  it("sends through Mandrill at the given base URL with the given key", async () => {
    const mailer = mailerFor({ apiKey: " env-key ", baseUrl: mandrill.baseUrl, fromEmail: "desk@plano.test" });
    const { api, appointment } = await orderedAppointment(mailer);
    await api.appointment.confirm({ id: appointment.id });
    expect(mandrill.received).toEqual([expect.objectContaining({ key: "env-key", message: expect.objectContaining({ from_email: "desk@plano.test" }) })]);
  });

  it("only records mail without a key", () => {
    expect(mailerFor({}).sends).toBe(false);
    expect(mailerFor({ apiKey: "  ", baseUrl: "http://127.0.0.1:9" }).sends).toBe(false);
  });
});
