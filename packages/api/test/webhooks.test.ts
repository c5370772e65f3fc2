/**
 * Webhooks end to end against real PostgreSQL and a real HTTP receiver:
 * signatures checked with the Standard Webhooks reference implementation
 * (the `standardwebhooks` package), every event of concurrent writes received
 * exactly once after de-duplication and in commit order per appointment,
 * hostile receivers, backoff and pausing, the delivery log and redelivery.
 */
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describedFailure } from "@plano/testing/described-failure";
import { addressPolicy } from "../src/webhooks/address-policy";
import { defaultWebhookOptions, leaseMs, type WebhookOptions } from "../src/webhooks/options";
import { retryDelayMs } from "../src/webhooks/queue";
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "@plano/testing/webhook-receiver";
import { WebhookWorker } from "../src/webhooks/worker";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";

type Database = Awaited<ReturnType<typeof freshDatabase>>;

let database: Database;
let world: Awaited<ReturnType<typeof smallWorld>>;
let receiver: WebhookReceiver;
let scheduler: string;
const workers: WebhookWorker[] = [];

/** The tests' receiver listens on 127.0.0.1: allowed by configuration, as WEBHOOK_ALLOWED_NETWORKS would. */
const loopbackAllowed = addressPolicy(["127.0.0.0/8", "::1/128"]);

function api(token = scheduler, policy = loopbackAllowed) {
  return createCaller(createContext({ db: database.db, credentials: { token, application: undefined }, channel: "trpc", webhookPolicy: policy }));
}

function worker(overrides: Partial<WebhookOptions> = {}) {
  const created = new WebhookWorker(
    database.db,
    { ...defaultWebhookOptions(), policy: loopbackAllowed, timeoutMs: 2_000, pollMs: 20, baseDelayMs: 20, ...overrides },
    () => {},
  );
  workers.push(created);
  return created;
}

interface Payload {
  type: string;
  timestamp: string;
  data: { appointmentId: number; officeId: number; action: string; fields: string[]; changes: Record<string, { before: unknown; after: unknown }> };
}
const payloadOf = (message: ReceivedWebhook) => JSON.parse(message.body) as Payload;

/** The messages signed with this secret (a receiver with several subscriptions tells them apart so). */
function signedWith(secret: string, messages: ReceivedWebhook[]): ReceivedWebhook[] {
  const reference = new Webhook(secret);
  return messages.filter((message) => {
    try {
      return Boolean(reference.verify(message.body, message.headers));
    } catch {
      return false;
    }
  });
}

/** What a receiver does: keep the first of each webhook-id. */
function deduplicated(messages: ReceivedWebhook[]): ReceivedWebhook[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    if (message.answered !== 200) return false;
    const id = message.headers["webhook-id"]!;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

beforeAll(async () => {
  database = await freshDatabase();
  world = await smallWorld(database);
  scheduler = await appToken(database, "planox2", "scheduler");
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await database.drop();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.held.closed = false;
  await database.db.webhookSubscription.deleteMany();
  await database.db.notification.deleteMany();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

describe("signatures", () => {
  it("verify with the Standard Webhooks reference implementation, which refuses a tampered body", async () => {
    const { secret } = await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created", "appointment.updated"] });
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-01" });
    await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "bring the drone" } });
    await worker().drain();

    expect(receiver.received).toHaveLength(2);
    const reference = new Webhook(secret);
    const verified = receiver.received.map((message) => reference.verify(message.body, message.headers) as Payload);
    expect(verified.map((payload) => payload.type)).toEqual(["appointment.created", "appointment.updated"]);
    expect(verified[1]!.data).toMatchObject({
      appointmentId: appointment.id,
      action: "update",
      fields: ["notes"],
      changes: { notes: { before: null, after: "bring the drone" } },
    });
    const [first] = receiver.received;
    expect(first!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() => reference.verify(first!.body.replace("appointment.created", "appointment.cancelled"), first!.headers)).toThrow();
    // A replay outside the reference's 5-minute tolerance is refused by the receiver.
    const stale = { ...first!.headers, "webhook-timestamp": String(Number(first!.headers["webhook-timestamp"]) - 600) };
    expect(() => reference.verify(first!.body, stale)).toThrow();
  });
});

describe("events", () => {
  it("names each kind of change, carries the changed fields, and honours the office filter", async () => {
    const all = await api().webhook.create({
      url: receiver.url("/ok?all"),
      events: ["appointment.created", "appointment.updated", "appointment.confirmed", "appointment.cancelled", "appointment.moved", "appointment.reassigned"],
    });
    const berlinCancels = await api().webhook.create({ url: receiver.url("/ok?berlin"), events: ["appointment.cancelled"], officeId: world.berlin.id });

    const created = await api().appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-12-01", timeStartLocal: "10:00", timeDurationS: 3600 });
    let version = created.appointment.updatedAtMt;
    const id = created.appointment.id;
    version = (await api().appointment.update({ id, updatedAtMt: version, patch: { timeStartLocal: "11:00" } })).appointment.updatedAtMt;
    version = (await api().appointment.update({ id, updatedAtMt: version, patch: { photographerUserId: world.ann.id } })).appointment.updatedAtMt;
    await api().appointment.confirm({ id });
    await api().appointment.cancel({ id, reason: "client ill" });
    const inBerlin = await api().appointment.create({ officeId: world.berlin.id, allday: true, dateStartLocal: "2026-12-02" });
    await api().appointment.cancel({ id: inBerlin.appointment.id, reason: "weather" });
    await worker().drain();

    const toAll = signedWith(all.secret, receiver.received);
    const types = toAll.filter((m) => payloadOf(m).data.appointmentId === id).map((m) => payloadOf(m).type);
    expect(types).toEqual([
      "appointment.created",
      "appointment.updated",
      "appointment.moved",
      "appointment.updated",
      "appointment.reassigned",
      "appointment.updated",
      "appointment.confirmed",
      "appointment.updated",
      "appointment.cancelled",
    ]);
    const reassigned = toAll.map(payloadOf).find((p) => p.type === "appointment.reassigned")!;
    expect(reassigned.data.changes.photographerUserId).toEqual({ before: null, after: world.ann.id });
    expect(reassigned.data.fields).toContain("photographerUserId");

    const berlin = signedWith(berlinCancels.secret, receiver.received);
    expect(berlin.map(payloadOf).map((p) => [p.type, p.data.appointmentId])).toEqual([["appointment.cancelled", inBerlin.appointment.id]]);
  });

  it("is enqueued by the write's own transaction: a write that rolls back enqueues nothing", async () => {
    await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.updated"] });
    const { appointment } = await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-03" });
    // A stale version: the compare-and-set refuses, so no audit entry and no event.
    await api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "first" } });
    expect(
      (await describedFailure(api().appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "stale" } }))).reason,
    ).toBe("update-conflict");
    await database.db
      .$transaction(async (tx) => {
        await tx.appointmentChange.create({
          data: { appointmentId: appointment.id, action: "update", actor: "x", channel: "cli", changes: { notes: { before: "first", after: "rolled back" } } },
        });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await worker().drain();
    expect(receiver.received.map((m) => payloadOf(m).data.changes.notes?.after)).toEqual(["first"]);
  });
});

describe("1,000 concurrent updates", () => {
  it("reach the receiver exactly once after de-duplication, in commit order per appointment, with two workers", async () => {
    const { secret } = await api().webhook.create({ url: receiver.url("/flaky"), events: ["appointment.updated"] });
    const appointments = [];
    for (let i = 0; i < 100; i += 1) {
      appointments.push(
        await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: `2027-01-${String((i % 28) + 1).padStart(2, "0")}` }),
      );
    }
    // Two workers, as two API processes would run, delivering while the writes go on.
    worker().start();
    worker().start();
    const updatesPerAppointment = 10;
    await Promise.all(
      appointments.map(async ({ appointment }) => {
        let version = appointment.updatedAtMt;
        for (let n = 1; n <= updatesPerAppointment; n += 1) {
          version = (await api().appointment.update({ id: appointment.id, updatedAtMt: version, patch: { notes: `n${n}` } })).appointment.updatedAtMt;
        }
      }),
    );
    const expected = appointments.length * updatesPerAppointment;
    const deadline = Date.now() + 300_000;
    while (deduplicated(receiver.received).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const reference = new Webhook(secret);
    const delivered = deduplicated(receiver.received);
    for (const message of delivered) reference.verify(message.body, message.headers);
    expect(delivered).toHaveLength(expected);
    // The flaky receiver answered 500 to some after recording them: those came again (at least once).
    expect(receiver.received.length).toBeGreaterThan(expected);
    const perAppointment = new Map<number, string[]>();
    for (const message of delivered) {
      const { data } = payloadOf(message);
      perAppointment.set(data.appointmentId, [...(perAppointment.get(data.appointmentId) ?? []), String(data.changes.notes!.after)]);
    }
    const inOrder = Array.from({ length: updatesPerAppointment }, (_, i) => `n${i + 1}`);
    expect(perAppointment.size).toBe(appointments.length);
    for (const notes of perAppointment.values()) expect(notes).toEqual(inOrder);
  }, 600_000); // a shared 2-core machine can be very slow; no timing is asserted
});

describe("a backlog", () => {
  it("is delivered by three workers in commit order per appointment, the claim taking only each appointment's oldest", async () => {
    const { secret } = await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.updated"] });
    const appointments = [];
    for (let i = 0; i < 20; i += 1) {
      appointments.push((await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2027-02-01" })).appointment);
    }
    // The queue fills while no worker runs (an outage), interleaving the appointments' events.
    const versions = new Map(appointments.map((a) => [a.id, a.updatedAtMt]));
    const steps = 8;
    for (let n = 1; n <= steps; n += 1) {
      for (const { id } of appointments) {
        versions.set(id, (await api().appointment.update({ id, updatedAtMt: versions.get(id)!, patch: { notes: `b${n}` } })).appointment.updatedAtMt);
      }
    }
    for (let i = 0; i < 3; i += 1) worker({ concurrency: 8, perSubscription: 4 }).start();
    const expected = appointments.length * steps;
    const deadline = Date.now() + 120_000;
    while (deduplicated(signedWith(secret, receiver.received)).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    const perAppointment = new Map<number, string[]>();
    for (const message of deduplicated(signedWith(secret, receiver.received))) {
      const { data } = payloadOf(message);
      perAppointment.set(data.appointmentId, [...(perAppointment.get(data.appointmentId) ?? []), String(data.changes.notes!.after)]);
    }
    expect(perAppointment.size).toBe(appointments.length);
    for (const notes of perAppointment.values()) expect(notes).toEqual(Array.from({ length: steps }, (_, i) => `b${i + 1}`));
  }, 180_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe("many deliveries finishing together", () => {
  it("are recorded together, each logged once with its own status, latency and time, in commit order per appointment", async () => {
    const answers = [200, 201, 202, 204];
    const subscriptions = [];
    for (const status of answers) subscriptions.push(await api().webhook.create({ url: receiver.url(`/held/${status}`), events: ["appointment.updated"] }));
    const appointments = [];
    for (let i = 0; i < 4; i += 1) {
      appointments.push((await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2027-03-01" })).appointment);
    }
    const steps = 3;
    for (let n = 1; n <= steps; n += 1) {
      for (const a of appointments) {
        a.updatedAtMt = (await api().appointment.update({ id: a.id, updatedAtMt: a.updatedAtMt, patch: { notes: `h${n}` } })).appointment.updatedAtMt;
      }
    }
    // They had been failing: a success makes each healthy again.
    await database.db.webhookSubscription.updateMany({ data: { failingSince: new Date() } });
    receiver.held.closed = true;
    worker({ concurrency: 32, perSubscription: 4 }).start();
    // Each appointment's first event to each subscription is in flight; its next events wait for it to be recorded.
    const firstRound = answers.length * appointments.length;
    await until(() => receiver.held.waiting === firstRound, "the first events in flight");
    const heldMs = 300;
    await sleep(heldMs);
    expect(receiver.held.waiting).toBe(firstRound);
    receiver.held.closed = false;
    receiver.held.release();
    const expected = answers.length * appointments.length * steps;
    await until(async () => (await database.db.webhookDelivery.count({ where: { status: "delivered" } })) === expected, "every delivery recorded");

    const attempts = await database.db.$queryRaw<
      {
        deliveryId: number;
        url: string;
        ok: boolean;
        statusCode: number;
        latencyMs: number;
        responseHead: string | null;
        at: Date;
        deliveredAt: Date;
        notes: string;
        tx: string;
      }[]
    >`SELECT a.delivery_id AS "deliveryId", s.url, a.ok, a.status_code AS "statusCode", a.latency_ms AS "latencyMs",
             a.response_head AS "responseHead", a.at, d.delivered_at AS "deliveredAt", e.payload #>> '{data,changes,notes,after}' AS notes,
             a.xmin::text AS tx
        FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id JOIN webhook_subscription s ON s.id = a.subscription_id
        JOIN webhook_event e ON e.id = d.event_id`;
    // One log row per delivery, with the status its own receiver answered and its own time.
    expect(attempts).toHaveLength(expected);
    expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(expected);
    for (const attempt of attempts) {
      const status = Number(attempt.url.split("/").at(-1));
      expect(attempt).toMatchObject({ ok: true, statusCode: status, responseHead: status === 204 ? "" : `held ${status}` });
      expect(attempt.deliveredAt.getTime()).toBe(attempt.at.getTime());
    }
    const held = attempts.filter((a) => a.notes === "h1");
    const answeredAtOnce = attempts.filter((a) => a.notes !== "h1");
    for (const attempt of held) expect(attempt.latencyMs).toBeGreaterThanOrEqual(heldMs);
    expect(Math.min(...answeredAtOnce.map((a) => a.latencyMs))).toBeLessThan(heldMs);
    // The held ones finished together: recorded in a statement or a few (their rows share transactions), not one each.
    expect(new Set(held.map((a) => a.tx)).size).toBeLessThanOrEqual(3);

    expect((await api().webhook.list()).map((listed) => listed.failingSince)).toEqual(answers.map(() => null));

    for (const { secret } of subscriptions) {
      const perAppointment = new Map<number, string[]>();
      // Every answer was a success: nothing was sent twice.
      const messages = signedWith(secret, receiver.received);
      expect(new Set(messages.map((m) => m.headers["webhook-id"])).size).toBe(messages.length);
      for (const message of messages) {
        const { data } = payloadOf(message);
        perAppointment.set(data.appointmentId, [...(perAppointment.get(data.appointmentId) ?? []), String(data.changes.notes!.after)]);
      }
      expect([...perAppointment.keys()].sort((a, b) => a - b)).toEqual(appointments.map((a) => a.id).sort((a, b) => a - b));
      for (const notes of perAppointment.values()) expect(notes).toEqual(["h1", "h2", "h3"]);
    }
  }, 120_000);

  it("a batch that cannot be recorded leaves all its deliveries leased, sent again once the lease runs out", async () => {
    const sub = await api().webhook.create({ url: receiver.url("/held/200"), events: ["appointment.created"] });
    for (let i = 0; i < 3; i += 1) await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2027-03-03" });
    // The database refuses the first recording statement (a lost connection, say); everything else works.
    let refused = 0;
    const flaky = new Proxy(database.db, {
      get(target, property) {
        if (property === "$executeRaw" && refused === 0) {
          return () => {
            refused += 1;
            return Promise.reject(new Error("connection lost"));
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const options = { ...defaultWebhookOptions(), policy: loopbackAllowed, timeoutMs: 2_000, pollMs: 20, clock };
    const failing = new WebhookWorker(flaky, options, () => {});
    workers.push(failing);
    // Answered at the same moment, the three are recorded by one statement, which fails: none is delivered.
    receiver.held.closed = true;
    const draining = failing.drain();
    await until(() => receiver.held.waiting === 3, "three in flight");
    receiver.held.release();
    await draining;
    expect(refused).toBe(1);
    const leased = await database.db.webhookDelivery.findMany({ where: { subscriptionId: sub.id } });
    expect(leased.map((d) => [d.status, d.attempts])).toEqual([
      ["pending", 1],
      ["pending", 1],
      ["pending", 1],
    ]);
    for (const d of leased) expect(d.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(await database.db.webhookAttempt.count({ where: { subscriptionId: sub.id } })).toBe(0);
    expect(await failing.drain()).toBe(0);

    // Once the lease has run out, they are sent again (same message ids) and recorded once each.
    receiver.held.closed = false;
    offset = leaseMs(options) + 1_000;
    expect(await failing.drain()).toBe(3);
    expect(await database.db.webhookDelivery.count({ where: { subscriptionId: sub.id, status: "delivered" } })).toBe(3);
    expect(await database.db.webhookAttempt.count({ where: { subscriptionId: sub.id } })).toBe(3);
    const ids = receiver.received.map((m) => m.headers["webhook-id"]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(3);
  });

  it("a claim takes for a subscription no more than what it has left of its share", async () => {
    await api().webhook.create({ url: receiver.url("/held/200"), events: ["appointment.created"] });
    for (let i = 0; i < 10; i += 1) await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2027-03-02" });
    receiver.held.closed = true;
    worker({ concurrency: 32, perSubscription: 4 }).start();
    await until(() => receiver.held.waiting >= 4, "a share in flight");
    await sleep(300);
    expect(receiver.held.waiting).toBe(4);
    receiver.held.closed = false;
    receiver.held.release();
    await until(async () => (await database.db.webhookDelivery.count({ where: { status: "delivered" } })) === 10, "every delivery recorded");
  }, 60_000);
});

describe("hostile receivers", () => {
  it("a slow receiver is cut off at the timeout and does not hold up the others", async () => {
    const slow = await api().webhook.create({ url: receiver.url("/slow"), events: ["appointment.created"] });
    await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created"] });
    const running = worker({ timeoutMs: 1_500, concurrency: 4, perSubscription: 1 });
    running.start();
    for (let i = 0; i < 3; i += 1) await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-04" });
    const deadline = Date.now() + 60_000;
    while (receiver.received.filter((m) => m.path === "/ok").length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received.filter((m) => m.path === "/ok")).toHaveLength(3);
    await running.stop();
    const log = await api().webhook.deliveries({ subscriptionId: slow.id });
    expect(log.length).toBeGreaterThan(0);
    for (const attempt of log) {
      expect(attempt).toMatchObject({ ok: false, statusCode: null, error: "no complete answer within 1500 ms" });
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(1_500);
    }
  }, 120_000);

  it("a huge answer is read only up to a few KB", async () => {
    const huge = await api().webhook.create({ url: receiver.url("/huge"), events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-05" });
    await worker().drain();
    const [attempt] = await api().webhook.deliveries({ subscriptionId: huge.id });
    expect(attempt).toMatchObject({ ok: true, statusCode: 200, deliveryStatus: "delivered" });
    expect(attempt!.responseHead).toMatch(/^a+$/);
    expect(attempt!.responseHead!.length).toBeLessThanOrEqual(1024);
    await new Promise((r) => setTimeout(r, 200));
    expect(receiver.hugeProgress.closedEarly).toBe(true);
    expect(receiver.hugeProgress.written).toBeLessThan(64 * 1024 * 1024);
  });

  it("a redirect is not followed and counts as a failure", async () => {
    const redirecting = await api().webhook.create({ url: receiver.url("/redirect"), events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-06" });
    await worker({ baseDelayMs: 60_000 }).drain();
    expect(receiver.received.map((m) => m.path)).toEqual(["/redirect"]);
    const [attempt] = await api().webhook.deliveries({ subscriptionId: redirecting.id });
    expect(attempt).toMatchObject({ ok: false, statusCode: 302, deliveryStatus: "pending", error: "redirect (302) to /redirected not followed" });
  });

  it("private, loopback and link-local addresses are refused unless allowed by configuration", async () => {
    const strict = addressPolicy();
    // RFC 1918, RFC 6598 (carrier-grade NAT), RFC 3927 (link-local: cloud metadata), RFC 1122 (loopback, "this network"), RFC 4193, RFC 4291.
    for (const address of [
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "127.0.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
    ]) {
      expect(strict.refusal(address), address).toBeDefined();
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) expect(strict.refusal(address), address).toBeUndefined();

    const atCreate = await describedFailure(api(scheduler, strict).webhook.create({ url: "http://10.0.0.5/hook", events: ["appointment.created"] }));
    expect(atCreate).toMatchObject({ reason: "invalid-param", field: "url" });
    expect(atCreate.message).toContain("10.0.0.5 is private");
    const byName = await describedFailure(
      api(scheduler, strict).webhook.create({ url: `http://localhost:${receiver.port}/ok`, events: ["appointment.created"] }),
    );
    expect(byName).toMatchObject({ reason: "invalid-param", field: "url" });
    expect(byName.message).toMatch(/localhost resolves to address (127\.0\.0\.1|::1) is loopback/);

    // Allowed when it was created, refused by a worker whose configuration does not allow it: checked at every delivery.
    const sub = await api().webhook.create({ url: `http://localhost:${receiver.port}/ok`, events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-07" });
    await worker({ policy: strict, baseDelayMs: 60_000 }).drain();
    expect(receiver.received).toEqual([]);
    const [attempt] = await api().webhook.deliveries({ subscriptionId: sub.id });
    expect(attempt!.error).toMatch(/address (127\.0\.0\.1|::1) is loopback/);
    // The configured worker delivers it.
    await api().webhook.redeliver({ deliveryId: attempt!.deliveryId });
    await worker().drain();
    expect(receiver.received).toHaveLength(1);
  });

  it("a refused address written as a literal IP is recorded as a failed attempt and retried later, not left leased", async () => {
    const literal = await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-07" });
    await worker({ policy: addressPolicy(), baseDelayMs: 60_000 }).drain();
    expect(receiver.received).toEqual([]);
    const [attempt] = await api().webhook.deliveries({ subscriptionId: literal.id });
    expect(attempt).toMatchObject({ ok: false, deliveryStatus: "pending" });
    expect(attempt!.error).toContain("127.0.0.1 is loopback");
  });
});

describe("retries", () => {
  it("back off exponentially with jitter within bounds", () => {
    const options = { baseDelayMs: 5_000, maxDelayMs: 3_600_000 };
    expect(retryDelayMs(1, { ...options, random: () => 0 })).toBe(2_500);
    expect(retryDelayMs(1, { ...options, random: () => 1 })).toBe(5_000);
    expect(retryDelayMs(4, { ...options, random: () => 0 })).toBe(20_000);
    expect(retryDelayMs(4, { ...options, random: () => 1 })).toBe(40_000);
    expect(retryDelayMs(30, { ...options, random: () => 1 })).toBe(3_600_000);
  });

  it("go on for 24 hours; a subscription failing that long is paused, shown in notifications, and loses nothing", async () => {
    let offset = 0;
    const clock = () => new Date(Date.now() + offset);
    const failing = await api().webhook.create({ url: receiver.url("/fail"), events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-08" });
    const retrying = worker({ clock, baseDelayMs: 5_000, maxDelayMs: 3_600_000, random: () => 1 });
    const due: number[] = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      await retrying.drain();
      const subscription = await database.db.webhookSubscription.findUniqueOrThrow({ where: { id: failing.id } });
      if (subscription.status === "paused") break;
      const [delivery] = await database.db.webhookDelivery.findMany({ where: { subscriptionId: failing.id } });
      due.push(delivery!.nextAttemptAt.getTime() - clock().getTime());
      offset = delivery!.nextAttemptAt.getTime() - Date.now() + 1;
    }
    // 5 s, 10 s, 20 s … doubling up to an hour; paused after 24 h of failures.
    expect(due.slice(0, 4).map((ms) => Math.round(ms / 1000))).toEqual([5, 10, 20, 40]);
    expect(Math.max(...due)).toBeLessThanOrEqual(3_600_000);
    expect(offset).toBeGreaterThanOrEqual(24 * 3_600_000);
    const [listed] = await api().webhook.list();
    expect(listed).toMatchObject({ status: "paused", pending: 1 });
    const notices = await api().notification.list();
    expect(notices).toEqual([expect.objectContaining({ kind: "webhook-paused", webhookSubscriptionId: failing.id, resolvedAt: null })]);
    expect(notices[0]!.message).toContain(receiver.url("/fail"));

    // Paused: nothing is sent. Resumed (receiver fixed): the kept event goes out, the notice is resolved.
    const attemptsBefore = receiver.received.length;
    await retrying.drain();
    expect(receiver.received.length).toBe(attemptsBefore);
    await database.db.webhookSubscription.update({ where: { id: failing.id }, data: { url: receiver.url("/ok") } });
    await api().webhook.resume({ id: failing.id });
    await worker().drain();
    expect(receiver.received.at(-1)).toMatchObject({ path: "/ok", answered: 200 });
    expect((await api().notification.list())[0]!.resolvedAt).not.toBeNull();
  }, 60_000);
});

describe("delivery log and redelivery", () => {
  it("keeps status, latency and the answer's first bytes, and redelivers with the same message id", async () => {
    const sub = await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created"] });
    await api().appointment.create({ officeId: world.denver.id, allday: true, dateStartLocal: "2026-12-09" });
    await worker().drain();
    const [attempt] = await api().webhook.deliveries({ subscriptionId: sub.id });
    expect(attempt).toMatchObject({
      ok: true,
      statusCode: 200,
      responseHead: "ok",
      deliveryStatus: "delivered",
      eventType: "appointment.created",
      error: null,
    });
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);
    await api().webhook.redeliver({ deliveryId: attempt!.deliveryId });
    await worker().drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(receiver.received[0]!.headers["webhook-id"]);
    expect(await api().webhook.deliveries({ subscriptionId: sub.id })).toHaveLength(2);
  });

  it("subscriptions are listed without their secret and deleted with their queue", async () => {
    const sub = await api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created"], description: "ERP" });
    const [listed] = await api().webhook.list();
    expect(listed).toMatchObject({ id: sub.id, url: receiver.url("/ok"), description: "ERP", status: "active" });
    expect(JSON.stringify(listed)).not.toContain(sub.secret);
    await api().webhook.delete({ id: sub.id });
    expect(await api().webhook.list()).toEqual([]);
    expect((await describedFailure(api().webhook.delete({ id: sub.id }))).reason).toBe("not-found");
  });
});

describe("the webhook router's door", () => {
  it("refuses bad input naming the field, and callers without webhooks:manage", async () => {
    const bad = async (input: Record<string, unknown>) =>
      describedFailure(api().webhook.create({ url: receiver.url("/ok"), events: ["appointment.created"], ...input } as never));
    expect((await bad({ url: "ftp://example.com/x" })).message).toContain("http:// or https://");
    expect((await bad({ url: "https://user:pw@example.com/x" })).message).toContain("credentials");
    expect((await bad({ events: ["appointment.deleted"] })).message).toContain("appointment.created");
    expect((await bad({ events: [] })).message).toContain("at least one event");
    expect((await bad({ secret: "not-a-secret" })).message).toContain("whsec_");
    const missingOffice = await bad({ officeId: 999_999 });
    expect(missingOffice).toMatchObject({ reason: "invalid-param", field: "officeId" });
    const viewer = await appToken(database, "planox2", "viewer");
    expect((await describedFailure(callerFor(database, { token: viewer }).webhook.list())).reason).toBe("forbidden");
    expect(await database.db.webhookSubscription.count()).toBe(0);
  });
});
