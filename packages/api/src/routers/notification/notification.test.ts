import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld, testClock } from "@plano/testing/fixtures";
import { OutboxMailer } from "../../mail";
import { describedFailure } from "@plano/testing/described-failure";
import { startFakeMandrill, type FakeMandrill } from "@plano/testing/fake-mandrill";

type Database = Awaited<ReturnType<typeof freshDatabase>>;

const DAY = 24 * 60 * 60 * 1000;

let database: Database;
let world: Awaited<ReturnType<typeof smallWorld>>;
let mandrill: FakeMandrill;
let mailer: OutboxMailer;
let scheduler: string;
const clock = testClock(new Date("2026-06-15T15:00:00Z"));
const api = (token = scheduler) => callerFor(database, { token, clock: clock.now, mailer });

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  scheduler = await appToken(database, "planox2", "scheduler");
  mandrill = await startFakeMandrill();
  mailer = new OutboxMailer({
    mandrill: { apiKey: "k", baseUrl: mandrill.baseUrl, fromEmail: "a@plano.test", fromName: "Plano", timeoutMs: 2_000 },
    clock: clock.now,
  });
});
afterAll(async () => {
  await mandrill.close();
  await database.drop();
});
beforeEach(async () => {
  clock.set("2026-06-15T15:00:00Z");
  await database.db.notification.deleteMany();
  await database.db.outboxEmail.deleteMany();
});

/** Confirms a new appointment of the client's order while Mandrill fails: one open notice. */
async function failedConfirmation() {
  mandrill.setMode("error");
  const { appointment } = await api().appointment.create({ officeId: world.denver.id, orderId: world.order.id, allday: true, dateStartLocal: "2026-07-01" });
  expect((await describedFailure(api().appointment.confirm({ id: appointment.id }))).reason).toBe("email-failed");
  mandrill.setMode("accept");
  return appointment;
}

describe("notification.list", () => {
  it("lists open notices and recently resolved ones, newest first, with their email", async () => {
    const first = await failedConfirmation();
    clock.advance(1000);
    const second = await failedConfirmation();

    const notices = await api().notification.list();
    expect(notices.map((notice) => notice.appointmentId)).toEqual([second.id, first.id]);
    expect(notices[0]).toMatchObject({
      kind: "email-failed",
      resolvedAt: null,
      email: { toEmail: world.client.email, status: "pending", attempts: 1, lastError: "Mandrill answered HTTP 500: Invalid API key" },
    });
  });

  it("drops resolved notices after a week", async () => {
    await failedConfirmation();
    const [notice] = await api().notification.list();
    await database.db.notification.update({ where: { id: notice!.id }, data: { resolvedAt: new Date(clock.now().getTime() - 8 * DAY) } });
    expect(await api().notification.list()).toEqual([]);
  });

  it("is for roles with notifications:read only", async () => {
    const viewer = await appToken(database, "planox2", "viewer");
    expect((await describedFailure(api(viewer).notification.list())).reason).toBe("forbidden");
  });
});

describe("notification.retry", () => {
  it("sends the email again and resolves the notice", async () => {
    await failedConfirmation();
    const [notice] = await api().notification.list();
    mandrill.received.length = 0;

    const retried = await api().notification.retry({ id: notice!.id });
    expect(retried).toMatchObject({ id: notice!.id, resolvedAt: clock.now().toISOString(), email: { status: "sent", attempts: 2, lastError: null } });
    expect(mandrill.received).toHaveLength(1);
  });

  it("keeps the notice open and says why when Mandrill still fails", async () => {
    await failedConfirmation();
    const [notice] = await api().notification.list();
    mandrill.setMode("reject");

    const failure = await describedFailure(api().notification.retry({ id: notice!.id }));
    expect(failure).toMatchObject({ reason: "email-failed" });
    expect(failure.message).toContain("rejected (hard-bounce)");
    expect(await api().notification.list()).toEqual([expect.objectContaining({ id: notice!.id, resolvedAt: null })]);
  });

  it("names an unknown notice", async () => {
    expect(await describedFailure(api().notification.retry({ id: 999_999 }))).toMatchObject({ reason: "not-found", field: "id" });
  });

  it("needs a server with a mailer", async () => {
    await failedConfirmation();
    const [notice] = await api().notification.list();
    const withoutMailer = callerFor(database, { token: scheduler, clock: clock.now });
    expect(await describedFailure(withoutMailer.notification.retry({ id: notice!.id }))).toMatchObject({ reason: "PRECONDITION_FAILED" });
  });
});

describe("notification.emailsOf (an appointment's mail log)", () => {
  it("lists every email about the appointment: sent, failed, and retried once it went out", async () => {
    const appointment = await failedConfirmation(); // the confirmation email failed once
    const { appointment: moved } = await api().appointment.update({
      id: appointment.id,
      updatedAtMt: (await api().appointment.byId({ id: appointment.id })).updatedAtMt,
      patch: { dateStartLocal: "2026-07-02" },
    });
    expect(moved.dateStartLocal).toBe("2026-07-02");

    let log = await api().notification.emailsOf({ appointmentId: appointment.id });
    expect(log.map((email) => [email.subject.split(":")[0], email.state, email.attempts, email.retried])).toEqual([
      ["Confirmed", "failed", 1, false],
      ["Moved", "sent", 1, false],
    ]);
    expect(log[0]).toMatchObject({ toEmail: world.client.email, lastError: "Mandrill answered HTTP 500: Invalid API key", sentAt: null });

    clock.advance(60_000);
    await mailer.retryOutbox(database.db);
    log = await api().notification.emailsOf({ appointmentId: appointment.id });
    expect(log[0]).toMatchObject({ state: "sent", attempts: 2, retried: true, lastError: null, nextAttemptAt: null });
  });

  it("is for those who read notifications", async () => {
    const viewer = await appToken(database, "planoorder", "viewer");
    expect((await describedFailure(api(viewer).notification.emailsOf({ appointmentId: 1 }))).reason).toBe("forbidden");
  });
});
