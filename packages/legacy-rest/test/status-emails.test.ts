/**
 * One rule for confirming and cancelling (issue 9): `confirmed=1` or
 * `cancelled=1` sent to update does what the confirm and cancel routes do, with
 * the same stamps and the same email through the outbox, so the seed's
 * mandrill-email-failed is reachable from update too. Moving or reassigning an
 * appointment emails the client and the photographers concerned.
 */
import { OutboxMailer } from "@plano/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeMandrill, type FakeMandrill } from "@plano/testing/fake-mandrill";
import { appToken, callerFor, freshDatabase, smallWorld, testClock } from "@plano/testing/fixtures";
import { send, startApiServer, type Params, type TestServer } from "./harness";

const clock = testClock(new Date("2026-06-15T15:00:00.250Z"));
let database: Awaited<ReturnType<typeof freshDatabase>>;
let world: Awaited<ReturnType<typeof smallWorld>>;
let token: string;
let mandrill: FakeMandrill;
let server: TestServer;

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  token = await appToken(database, "planoorder");
  mandrill = await startFakeMandrill();
  const mailer = new OutboxMailer({
    mandrill: { apiKey: "k", baseUrl: mandrill.baseUrl, fromEmail: "a@plano.test", fromName: "Plano", timeoutMs: 2_000 },
    clock: clock.now,
  });
  server = await startApiServer({ db: database.db, clock: clock.now, mailer });
});
afterAll(async () => {
  await server.close();
  await mandrill.close();
  await database.drop();
});
beforeEach(() => {
  mandrill.setMode("accept");
  mandrill.received.length = 0;
});

const call = (route: string, params: Params) => send(server.url, `/api/v1/appointments/${route}`, { token, ...params }, { encoding: "form" });

async function appointment(params: Params = {}) {
  const answer = await call("create", {
    office_id: String(world.denver.id),
    order_id: String(world.order.id),
    photographer_user_id: String(world.ann.id),
    date_start_local: "2026-07-01",
    time_start_local: "10:00",
    time_duration_s: "3600",
    summary: "Kitchen shoot",
    ...params,
  });
  expect(answer.body.status).toBe("action-successful");
  mandrill.received.length = 0;
  return answer.body.data!.appointment as { id: number; updated_at_mt: string; [field: string]: unknown };
}

const outboxOf = (appointmentId: number) =>
  database.db.outboxEmail.findMany({ where: { appointmentId }, orderBy: { id: "asc" }, select: { toEmail: true, subject: true, status: true } });
/** What confirming or cancelling did to the record: the stamps, not the version or the audit's action name. */
const stamps = (record: Record<string, unknown>) => ({
  confirmed: record.confirmed,
  confirmed_at: record.confirmed_at,
  confirmed_by: record.confirmed_by,
  cancelled: record.cancelled,
  cancel_reason: record.cancel_reason,
  same_day_cancel: record.same_day_cancel,
  on_site_cancel: record.on_site_cancel,
});

describe("confirmed=1 through update", () => {
  it("stamps and emails exactly as the confirm route does", async () => {
    const [viaConfirm, viaUpdate] = [await appointment(), await appointment()];
    const confirmed = await call("confirm", { id: String(viaConfirm.id) });
    const updated = await call("update", { id: String(viaUpdate.id), updated_at_mt: viaUpdate.updated_at_mt, confirmed: "1" });
    expect([confirmed.body.status, updated.body.status]).toEqual(["action-successful", "action-successful"]);
    expect(stamps(updated.body.data!.appointment)).toEqual(stamps(confirmed.body.data!.appointment));
    expect(stamps(updated.body.data!.appointment)).toMatchObject({ confirmed: true, confirmed_at: "2026-06-15T15:00:00.250Z", confirmed_by: "planoorder" });
    const [byConfirm, byUpdate] = [await outboxOf(viaConfirm.id), await outboxOf(viaUpdate.id)];
    expect(byUpdate).toEqual(byConfirm);
    expect(byUpdate).toEqual([{ toEmail: world.client.email, subject: "Confirmed: Kitchen shoot on 2026-07-01 at 10:00 (America/Denver)", status: "sent" }]);
  });

  it("documents mandrill-email-failed for update in the OpenAPI document", async () => {
    const { buildOpenApiDocument } = await import("../src");
    const update = (buildOpenApiDocument().paths as Record<string, any>)["/api/v1/appointments/update"].post;
    expect(update["x-statuses"]).toContain("mandrill-email-failed");
    expect(update.responses["500"].content["application/json"].schema.properties.status.enum).toContain("mandrill-email-failed");
  });

  it("answers mandrill-email-failed when the email fails: the record is saved, returned, and a notification stored", async () => {
    mandrill.setMode("error");
    const record = await appointment();
    const answer = await call("update", { id: String(record.id), updated_at_mt: record.updated_at_mt, confirmed: "1" });
    expect({ http: answer.http, status: answer.body.status }).toEqual({ http: 500, status: "mandrill-email-failed" });
    expect(answer.body.data!.appointment).toMatchObject({ id: record.id, confirmed: true });
    expect(await database.db.appointment.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ confirmed: true });
    expect(await database.db.notification.findMany({ where: { appointmentId: record.id } })).toEqual([
      expect.objectContaining({ kind: "email-failed", resolvedAt: null }),
    ]);
  });
});

describe("cancelled=1 through update", () => {
  it("stamps and emails exactly as the cancel route does; the reason stays optional", async () => {
    const [viaCancel, viaUpdate] = [await appointment(), await appointment()];
    const cancelled = await call("cancel", { id: String(viaCancel.id), cancel_reason: "Rain" });
    const updated = await call("update", { id: String(viaUpdate.id), updated_at_mt: viaUpdate.updated_at_mt, cancelled: "1", cancel_reason: "Rain" });
    expect(stamps(updated.body.data!.appointment)).toEqual(stamps(cancelled.body.data!.appointment));
    expect(await outboxOf(viaUpdate.id)).toEqual(await outboxOf(viaCancel.id));
    expect((await outboxOf(viaUpdate.id))[0]!.subject).toMatch(/^Cancelled: Kitchen shoot/);

    const withoutReason = await appointment();
    const answer = await call("update", { id: String(withoutReason.id), updated_at_mt: withoutReason.updated_at_mt, cancelled: "1" });
    expect(answer.body.status).toBe("action-successful");
    expect(await outboxOf(withoutReason.id)).toHaveLength(1);
  });

  it("answers mandrill-email-failed when the email fails", async () => {
    mandrill.setMode("reject");
    const record = await appointment();
    const answer = await call("update", { id: String(record.id), updated_at_mt: record.updated_at_mt, cancelled: "1" });
    expect(answer.body.status).toBe("mandrill-email-failed");
    expect(answer.body.data!.appointment).toMatchObject({ cancelled: true });
  });
});

describe("moving and reassigning", () => {
  it("a new date or time emails the client and the photographer", async () => {
    const record = await appointment();
    const answer = await call("update", { id: String(record.id), updated_at_mt: record.updated_at_mt, time_start_local: "14:00" });
    expect(answer.body.status).toBe("action-successful");
    expect((await outboxOf(record.id)).map((row) => [row.toEmail, row.subject])).toEqual([
      [world.client.email, "Moved: Kitchen shoot now on 2026-07-01 at 14:00 (America/Denver)"],
      [world.ann.email, "Moved: Kitchen shoot now on 2026-07-01 at 14:00 (America/Denver)"],
    ]);
    expect(mandrill.received.map((message) => message.message.to[0]!.email)).toEqual([world.client.email, world.ann.email]);
  });

  it("a new photographer emails the client, the new photographer and the previous one", async () => {
    const record = await appointment();
    const answer = await call("update", { id: String(record.id), updated_at_mt: record.updated_at_mt, photographer_user_id: String(world.bob.id) });
    expect(answer.body.status).toBe("action-successful");
    const rows = await outboxOf(record.id);
    expect(rows.map((row) => row.toEmail)).toEqual([world.client.email, world.bob.email, world.ann.email]);
    expect(rows[0]!.subject).toBe("New photographer: Kitchen shoot on 2026-07-01 at 10:00 (America/Denver)");
  });

  it("a save that changes nothing, or only notes, emails nobody", async () => {
    const record = await appointment();
    const same = await call("update", { id: String(record.id), updated_at_mt: record.updated_at_mt, time_start_local: "10:00", notes: "Dog" });
    expect(same.body.status).toBe("action-successful");
    expect(await outboxOf(record.id)).toEqual([]);
  });

  it("the tRPC update follows the same rule", async () => {
    const record = await appointment();
    const mailer = new OutboxMailer({ clock: clock.now });
    const api = callerFor(database, { token, clock: clock.now, mailer });
    await api.appointment.update({ id: record.id, updatedAtMt: record.updated_at_mt, patch: { confirmed: true, dateStartLocal: "2026-07-02" } });
    expect((await outboxOf(record.id)).map((row) => row.subject.split(":")[0])).toEqual(["Confirmed", "Moved", "Moved"]);
  });
});
