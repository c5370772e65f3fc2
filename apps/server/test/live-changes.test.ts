/**
 * Live appointment changes over tRPC subscriptions (server-sent events), end
 * to end: a real API server, the audit trigger's NOTIFY on PostgreSQL, and
 * tRPC's own client with `httpSubscriptionLink` (which sends `lastEventId`
 * back on reconnect, as the browser does).
 */
import type { AddressInfo } from "node:net";
import { ChangeHub, CHANGE_CHANNEL, createUser, createSession } from "@plano/api";
import { createPlanoClient, type PlanoClient } from "@plano/client";
import { listenForNotifications } from "@plano/db";
import type { TestDatabase } from "@plano/testing/database";
import type { AppointmentLiveEvent } from "@plano/schema";
import { EventSource } from "eventsource";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { createApiServer } from "../src/http";

type World = Awaited<ReturnType<typeof smallWorld>>;

/** One API "process": its own hub (LISTEN connection) and HTTP server. */
async function startApi(database: TestDatabase) {
  const changes = new ChangeHub(database.db, (onPayload, options) => listenForNotifications({ url: database.url }, CHANGE_CHANNEL, onPayload, options));
  const server = createApiServer({ db: database.db, changes });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`;
  return {
    url,
    changes,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await changes.close();
    },
  };
}

/** Collects a subscription's events; `next(n)` waits for n more. */
function collect(client: PlanoClient, input: Parameters<PlanoClient["appointment"]["onChange"]["subscribe"]>[0]) {
  const events: AppointmentLiveEvent[] = [];
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const errors: unknown[] = [];
  const subscription = client.appointment.onChange.subscribe(input, {
    onStarted: () => started(),
    onData: (data) => events.push(data.data),
    onError: (error) => errors.push(error),
  });
  return {
    events,
    errors,
    ready,
    /** Waits until at least `count` events arrived (or fails after `ms`). */
    async until(count: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return events;
    },
    stop: () => subscription.unsubscribe(),
  };
}

const ids = (events: AppointmentLiveEvent[]) => events.map((event) => (event.kind === "change" ? event.appointmentId : -1));
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe("appointment.onChange", () => {
  let database: TestDatabase;
  let world: World;
  let token: string;
  let api: Awaited<ReturnType<typeof startApi>>;
  const clients: { stop(): void }[] = [];

  const clientFor = (url: string, bearer = token) => createPlanoClient({ url, token: bearer, EventSource, batch: false });

  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
    token = await appToken(database, "planoorder");
    api = await startApi(database);
  });

  afterAll(async () => {
    for (const client of clients) client.stop();
    await api.stop();
    await database.drop();
  });

  const caller = () => callerFor(database, { token });
  const create = (officeId: number, patch: Record<string, unknown> = {}) =>
    caller().appointment.create({ officeId, dateStartLocal: "2026-07-01", timeStartLocal: "10:00", timeDurationS: 3600, ...patch });

  it("publishes a change only when it commits; a rolled-back write publishes nothing", async () => {
    const { appointment } = await create(world.denver.id);
    const feed = collect(clientFor(api.url), { id: appointment.id });
    clients.push(feed);
    await feed.ready;

    // What every write path does (the row and its audit entry in one transaction), by hand, to hold it open.
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    const write = async (notes: string) => {
      await writer.query("UPDATE appointment SET notes = $1, updated_at = updated_at + interval '1 ms' WHERE id = $2", [notes, appointment.id]);
      await writer.query(`INSERT INTO appointment_change (appointment_id, action, actor, channel, changes) VALUES ($1, 'update', 'test', 'trpc', $2)`, [
        appointment.id,
        JSON.stringify({ notes: { before: null, after: notes } }),
      ]);
    };
    try {
      await writer.query("BEGIN");
      await write("rolled back");
      await writer.query("ROLLBACK");

      await writer.query("BEGIN");
      await write("committed");
      await settle();
      expect(feed.events).toEqual([]); // written, not yet committed
      await writer.query("COMMIT");
    } finally {
      await writer.end();
    }
    const events = await feed.until(1);
    await settle();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ kind: "change", appointmentId: appointment.id, fields: ["notes"], actor: "test", channel: "trpc" });
    expect(event?.kind === "change" && event.appointment?.notes).toBe("committed");
  });

  it("carries what changed, who changed it, through which door, and the new version", async () => {
    const { appointment } = await create(world.denver.id);
    const feed = collect(clientFor(api.url), { id: appointment.id });
    clients.push(feed);
    await feed.ready;
    const { appointment: moved } = await caller().appointment.update({
      id: appointment.id,
      updatedAtMt: appointment.updatedAtMt,
      patch: { timeStartLocal: "11:30" },
    });
    // The create's NOTIFY may still reach the fresh subscription first (a one-statement create commits quickly): the update's event is the one asked about.
    const isUpdate = (e: AppointmentLiveEvent) => e.kind === "change" && e.action === "update";
    const event = (await feed.until(1)).find(isUpdate) ?? (await feed.until(2)).find(isUpdate);
    expect(event).toMatchObject({ kind: "change", action: "update", channel: "trpc", appointmentId: appointment.id });
    if (event?.kind !== "change") throw new Error("expected a change");
    expect(event.fields).toEqual(expect.arrayContaining(["timeStartLocal", "timeStopLocal"]));
    expect(event.appointment?.updatedAtMt).toBe(moved.updatedAtMt);
    expect(event.actor).toMatch(/planoorder/);
  });

  it("filters by office and date range, and by what the caller may read", async () => {
    const photographerUser = await createUser(database.db, {
      email: `pat.${Date.now()}@example.com`,
      name: "Pat Photographer",
      photographer: true,
      roles: [{ application: "planoauth", role: "photographer" }],
    });
    const { token: patToken } = await createSession(database.db, photographerUser.id, false, new Date());
    const berlinDay = collect(clientFor(api.url), { officeId: world.berlin.id, dateFrom: "2026-08-01", dateTo: "2026-08-01" });
    const pat = collect(clientFor(api.url, patToken), {});
    clients.push(berlinDay, pat);
    await Promise.all([berlinDay.ready, pat.ready]);

    const inBerlin = await create(world.berlin.id, { dateStartLocal: "2026-08-01", photographerUserId: photographerUser.id });
    await create(world.denver.id, { dateStartLocal: "2026-08-01" }); // other office
    await create(world.berlin.id, { dateStartLocal: "2026-08-02" }); // other day
    // Begun two days before, running into Berlin's day: its board draws it, so it hears it.
    const overDays = await create(world.berlin.id, { dateStartLocal: "2026-07-30", timeDurationS: 3 * 86_400 });
    const patsOther = await create(world.denver.id, { dateStartLocal: "2026-09-01", photographerUserId: photographerUser.id });
    // Moved out of Berlin's day: the Berlin board must still hear it, to take the block away.
    await caller().appointment.update({ id: inBerlin.appointment.id, updatedAtMt: inBerlin.appointment.updatedAtMt, patch: { dateStartLocal: "2026-08-03" } });
    // Taken from Pat: Pat hears that it is gone, without its contents.
    await caller().appointment.update({
      id: patsOther.appointment.id,
      updatedAtMt: patsOther.appointment.updatedAtMt,
      patch: { photographerUserId: world.bob.id },
    });

    const berlinEvents = await berlinDay.until(3);
    const patEvents = await pat.until(4);
    await settle();
    expect(ids(berlinDay.events)).toEqual([inBerlin.appointment.id, overDays.appointment.id, inBerlin.appointment.id]);
    expect(ids(pat.events)).toEqual([inBerlin.appointment.id, patsOther.appointment.id, inBerlin.appointment.id, patsOther.appointment.id]);
    const taken = patEvents.at(-1);
    expect(taken?.kind === "change" && taken.appointment).toBeNull();
    expect(berlinEvents.every((event) => event.kind === "change" && event.appointment !== null)).toBe(true);
  });

  it("refuses callers without read permission and bad filters, naming the field", async () => {
    const outsider = collect(createPlanoClient({ url: api.url, token: "not-a-token", EventSource, batch: false }), {});
    clients.push(outsider);
    const bad = collect(clientFor(api.url), { dateFrom: "2026-08-02", dateTo: "2026-08-01" });
    clients.push(bad);
    const deadline = Date.now() + 5000;
    while ((outsider.errors.length === 0 || bad.errors.length === 0) && Date.now() < deadline) await settle(50);
    expect(String(outsider.errors[0])).toMatch(/token/i);
    expect(String(bad.errors[0])).toMatch(/date_?to/i);
  });

  it("takes an EventSource's session cookie (no CSRF header possible) for subscriptions only", async () => {
    const scheduler = await createUser(database.db, {
      email: `sam.${Date.now()}@example.com`,
      name: "Sam Scheduler",
      employee: true,
      roles: [{ application: "planoauth", role: "scheduler" }],
    });
    const { token: session } = await createSession(database.db, scheduler.id, false, new Date());
    const headers = { cookie: `plano_session=${encodeURIComponent(session)}`, accept: "text/event-stream" };
    const params = encodeURIComponent(JSON.stringify({ application: "planoauth" }));
    const subscription = await fetch(`${api.url}/appointment.onChange?input=${encodeURIComponent(JSON.stringify({ json: {} }))}&connectionParams=${params}`, {
      headers,
      signal: AbortSignal.timeout(5000),
    });
    expect(subscription.status).toBe(200);
    expect(subscription.headers.get("content-type")).toMatch(/text\/event-stream/);
    // tRPC answers 200 and then the outcome as events: "connected" when the procedure runs, "serialized-error" when not.
    const reader = subscription.body!.getReader();
    let text = "";
    while (!/event: (connected|serialized-error)/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: connected/);
    await reader.cancel();
    // The same cookie, the same way, on a query: refused (a query must come with the CSRF header).
    const query = await fetch(`${api.url}/appointment.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}&connectionParams=${params}`, { headers });
    expect(query.status).toBe(401);
    expect(((await query.json()) as { error: { json: { data: { plano: { reason: string } } } } }).error.json.data.plano.reason).toBe("invalid-token");
    // And with the header, as the admin's own calls send it, the query is served.
    const withHeader = await fetch(`${api.url}/appointment.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`, {
      headers: { cookie: headers.cookie, "x-plano-csrf": "1", "x-plano-application": "planoauth" },
    });
    expect(withHeader.status).toBe(200);
  });

  it("resumes from the last event id, on another API process, missing nothing that committed meanwhile", async () => {
    const { appointment } = await create(world.denver.id, { dateStartLocal: "2026-10-01" });
    const first = collect(clientFor(api.url), { id: appointment.id });
    await first.ready;
    let version = appointment.updatedAtMt;
    const edit = async (notes: string) => {
      version = (await caller().appointment.update({ id: appointment.id, updatedAtMt: version, patch: { notes } })).appointment.updatedAtMt;
    };
    await edit("one");
    const [seen] = await first.until(1);
    first.stop();
    await edit("two");
    await edit("three");

    const other = await startApi(database);
    try {
      const resumed = collect(clientFor(other.url), { id: appointment.id, lastEventId: String(seen!.id) });
      clients.push(resumed);
      await resumed.until(2);
      await edit("four");
      await resumed.until(3);
      await settle();
      // Every entry after the one seen, each once (a client also drops repeats by id), in order.
      const expected = await database.db.appointmentChange.findMany({
        where: { appointmentId: appointment.id, id: { gt: seen!.id } },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      const received = [...new Set(resumed.events.map((event) => event.id))];
      expect(received).toEqual(expected.map((entry) => entry.id));
      // The first event seen is "one"'s, or the create's when its NOTIFY reached the new subscription first: three or four follow.
      expect(received.length).toBeGreaterThanOrEqual(3);
      const last = resumed.events.at(-1);
      expect(last?.kind === "change" && last.appointment?.notes).toBe("four");
      resumed.stop();
    } finally {
      await other.stop();
    }
  });

  it("lets go of a subscription on the server when its caller goes away", async () => {
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 5000;
      while (!done() && Date.now() < deadline) await settle(20);
      return done();
    };
    const open = api.changes.subscriberCount;
    const feed = collect(clientFor(api.url), { officeId: world.denver.id });
    await feed.ready;
    expect(await until(() => api.changes.subscriberCount === open + 1)).toBe(true);
    feed.stop();
    expect(await until(() => api.changes.subscriberCount === open)).toBe(true);
  });
});
