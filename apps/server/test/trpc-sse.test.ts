/**
 * Subscriptions on the lean handler (src/trpc-sse.ts) must stream exactly
 * what tRPC's own node adapter streams: the same status and headers, the same
 * bytes event by event (connected, data and ids, return, serialized-error),
 * the same errors reported, and a subscription that ends when its caller goes
 * away. Each case runs against both servers side by side.
 */
import net from "node:net";
import { appRouter, CHANGE_CHANNEL, ChangeHub } from "@plano/api";
import { listenForNotifications } from "@plano/db";
import type { TestDatabase } from "@plano/testing/database";
import { initTRPC, tracked, TRPCError } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { apiContext, bothHandlers } from "./side-by-side";

/** An event stream as a browser's EventSource asks for it, read as text. */
async function open(origin: string, path: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await fetch(`${origin}/api/trpc/${path}`, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const frames = () => text.split("\n\n\n").length - 1;
  return {
    status: response.status,
    // All but the clock and the HTTP framing (a length or chunks, as the answer is written).
    headers: [...response.headers].filter(([name]) => !["date", "content-length", "transfer-encoding"].includes(name)),
    /** The text once `count` events (tRPC ends each with a blank line and one more) have arrived. */
    async until(count: number) {
      while (frames() < count) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    },
    /** The whole text, up to the end of the stream. */
    async all() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

const inputOf = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(superjson.serialize(value)))}`;

async function until(condition: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe("a subscription of tRPC's framing on the lean handler", () => {
  const t = initTRPC.create({
    // Throws for one marked value, so an event that cannot be serialised can be sent.
    transformer: {
      serialize: (value: unknown) => {
        if (typeof value === "object" && value !== null && "explode" in value) throw new Error("cannot serialise this");
        return superjson.serialize(value);
      },
      deserialize: (value: unknown) => superjson.deserialize(value as never),
    },
    isDev: false,
  });
  /** How many `ticking` subscriptions are running: it ignores its signal, so only closing its iterable ends it. */
  let ticking = 0;
  const router = t.router({
    ticking: t.procedure.subscription(async function* () {
      ticking++;
      try {
        for (let n = 0; ; n++) {
          yield n;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } finally {
        ticking--;
      }
    }),
    finite: t.procedure.subscription(async function* () {
      yield tracked("first", { n: 1, text: "line\nbreak ü €" });
      yield { at: new Date(Date.UTC(2026, 0, 2)), untracked: true };
      yield tracked("3", null);
    }),
    refusesMidway: t.procedure.subscription(async function* () {
      yield tracked("1", { ok: true });
      throw new TRPCError({ code: "BAD_REQUEST", message: "not this one" });
    }),
    crashesMidway: t.procedure.subscription(async function* () {
      yield { ok: true };
      throw new Error("a detail that stays in the log");
    }),
    unserialisable: t.procedure.subscription(async function* () {
      yield { before: true };
      yield { explode: true };
      yield { never: true };
    }),
    abortsItself: t.procedure.subscription(async function* () {
      yield { ok: true };
      throw new DOMException("stopped", "AbortError");
    }),
    observed: t.procedure.subscription(() =>
      observable<number>((emit) => {
        emit.next(1);
        emit.next(2);
        emit.complete();
        return () => {};
      }),
    ),
    observedFailure: t.procedure.subscription(() =>
      observable<number>((emit) => {
        emit.next(1);
        emit.error(new TRPCError({ code: "CONFLICT", message: "observed a conflict" }));
        return () => {};
      }),
    ),
    notIterable: t.procedure.subscription(() => 42 as never),
    refusesAtOnce: t.procedure
      .use(() => {
        throw new TRPCError({ code: "UNAUTHORIZED", message: "who are you" });
      })
      .subscription(async function* () {
        yield 1;
      }),
    withInput: t.procedure
      .input((value: unknown) => {
        if (typeof value !== "number") throw new Error("a number, please");
        return value;
      })
      .subscription(async function* ({ input }) {
        yield input * 2;
      }),
  });
  let sides: Awaited<ReturnType<typeof bothHandlers<typeof router>>>;

  beforeAll(async () => {
    sides = await bothHandlers(router, () => ({}));
  });

  afterAll(() => sides.stop());

  const cases: [string, string][] = [
    ["tracked and untracked events, then return", "finite"],
    ["a TRPCError thrown after an event", "refusesMidway"],
    ["an unexpected error thrown after an event", "crashesMidway"],
    ["an event that cannot be serialised", "unserialisable"],
    ["an abort thrown by the procedure", "abortsItself"],
    ["an observable that completes", "observed"],
    ["an observable that fails", "observedFailure"],
    ["a procedure that returns no iterable", "notIterable"],
    ["a middleware's refusal", "refusesAtOnce"],
    ["an input", `withInput?${inputOf(21)}`],
    ["an input that fails its check", `withInput?${inputOf("x")}`],
    ["no such procedure", "nothing"],
    ["a batch of one", `finite?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(undefined) }))}`],
  ];

  it.each(cases)("streams %s as tRPC's adapter does", async (_name, path) => {
    const [lean, adapter] = await Promise.all([open(sides.lean.origin, path), open(sides.adapter.origin, path)]);
    expect({ status: lean.status, headers: lean.headers, body: await lean.all() }).toEqual({
      status: adapter.status,
      headers: adapter.headers,
      body: await adapter.all(),
    });
    expect(sides.lean.reported).toEqual(sides.adapter.reported);
  });

  it("closes a procedure that ignores its signal once its caller goes away, as tRPC's adapter does", async () => {
    for (const side of [sides.lean, sides.adapter]) {
      const stream = await open(side.origin, "ticking");
      expect(await stream.until(3)).toMatch(/^event: connected\ndata: \{\}\n\n\ndata: \{"json":0\}\n\n\ndata: \{"json":1\}\n\n\n/);
      expect(ticking).toBe(1);
      stream.close();
      expect(await until(() => ticking === 0)).toBe(true);
    }
  });

  it("closes the connection after the stream when the caller asked to (RFC 9112 §9.6), unlike tRPC's adapter", async () => {
    const { port } = new URL(sides.lean.origin);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1");
      const chunks: Buffer[] = [];
      socket.on("data", (chunk) => chunks.push(chunk));
      socket.on("error", reject);
      // Only the server's close ends this wait (within the test's time limit).
      socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
      socket.write("GET /api/trpc/finite HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n");
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer.toLowerCase()).toContain("\r\nconnection: close\r\n");
    expect(answer.toLowerCase()).not.toContain("keep-alive");
    expect(answer).toContain("event: return\ndata: \n\n\n");
  });

  it("ends a finite stream with tRPC's framing (written out here, not taken from tRPC)", async () => {
    const stream = await open(sides.lean.origin, "finite");
    expect(stream.status).toBe(200);
    expect(Object.fromEntries(stream.headers)).toMatchObject({ "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" });
    expect(await stream.all()).toBe(
      [
        "event: connected\ndata: {}\n\n\n",
        `data: {"json":{"n":1,"text":"line\\nbreak ü €"}}\nid: first\n\n\n`,
        `data: {"json":{"at":"2026-01-02T00:00:00.000Z","untracked":true},"meta":{"values":{"at":["Date"]},"v":1}}\n\n\n`,
        `data: {"json":null}\nid: 3\n\n\n`,
        "event: return\ndata: \n\n\n",
      ].join(""),
    );
  });
});

describe("appointment.onChange on the lean handler", () => {
  let database: TestDatabase;
  let hub: ChangeHub;
  let token: string;
  let world: Awaited<ReturnType<typeof smallWorld>>;
  let sides: Awaited<ReturnType<typeof bothHandlers<typeof appRouter>>>;
  const clock = () => new Date("2026-06-15T15:00:00Z");

  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
    token = await appToken(database);
    hub = new ChangeHub(database.db, (onPayload, options) => listenForNotifications({ url: database.url }, CHANGE_CHANNEL, onPayload, options));
    sides = await bothHandlers(appRouter, apiContext(database, { clock, changes: hub }));
  });

  afterAll(async () => {
    await sides.stop();
    await hub.close();
    await database.drop();
  });

  const bearer = () => ({ authorization: `Bearer ${token}` });

  it("streams the office's changes, filtered, with their audit ids, byte for byte as tRPC's adapter", async () => {
    const path = `appointment.onChange?${inputOf({ officeId: world.denver.id })}`;
    const [lean, adapter] = await Promise.all([open(sides.lean.origin, path, bearer()), open(sides.adapter.origin, path, bearer())]);
    expect(await until(() => hub.subscriberCount === 2)).toBe(true);
    const api = callerFor(database, { token, clock });
    await api.appointment.create({ officeId: world.berlin.id, dateStartLocal: "2026-07-01", timeStartLocal: "09:00" });
    const { appointment } = await api.appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-01", timeStartLocal: "10:00" });
    await api.appointment.update({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "moved" } });
    const [leanText, adapterText] = await Promise.all([lean.until(3), adapter.until(3)]);
    lean.close();
    adapter.close();
    expect(leanText).toBe(adapterText);
    expect(lean.headers).toEqual(adapter.headers);
    // Connected, then Denver's two changes only (the Berlin one is filtered out), each with its audit entry's id.
    const events = leanText.split("\n\n\n").slice(1, 3);
    expect(events.map((event) => /"appointmentId":(\d+)/.exec(event)?.[1])).toEqual([String(appointment.id), String(appointment.id)]);
    expect(events.map((event) => /"action":"(\w+)"/.exec(event)?.[1])).toEqual(["create", "update"]);
    for (const event of events) expect(event).toMatch(/^data: \{"json":\{.*\}\}\nid: \d+$/s);
  });

  it("replays from lastEventId as tRPC's adapter does", async () => {
    const path = `appointment.onChange?${inputOf({ officeId: world.denver.id, lastEventId: "0" })}`;
    const [lean, adapter] = await Promise.all([open(sides.lean.origin, path, bearer()), open(sides.adapter.origin, path, bearer())]);
    const [leanText, adapterText] = await Promise.all([lean.until(3), adapter.until(3)]);
    lean.close();
    adapter.close();
    expect(leanText).toBe(adapterText);
    expect(leanText.split("\n\n\n")).toHaveLength(4);
  });

  // What each refusal must say, written out here: an error event in the stream, or (for a batch) a JSON error.
  const refusals: [string, string, Record<string, string>, string][] = [
    ["a caller without credentials", `appointment.onChange?${inputOf({})}`, { authorization: "" }, '"code":"UNAUTHORIZED"'],
    ["a token that does not exist", `appointment.onChange?${inputOf({})}`, { authorization: "Bearer nope" }, '"code":"UNAUTHORIZED"'],
    ["an input that fails its check", `appointment.onChange?${inputOf({ officeId: "Denver" })}`, {}, '"code":"BAD_REQUEST"'],
    [
      "a subscription sent in a batch",
      `appointment.onChange?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize({}) }))}`,
      {},
      "Cannot batch subscription calls",
    ],
  ];

  it.each(refusals)("refuses %s as tRPC's adapter does", async (_name, path, headers, says) => {
    const withToken = { ...bearer(), ...headers };
    const [lean, adapter] = await Promise.all([open(sides.lean.origin, path, withToken), open(sides.adapter.origin, path, withToken)]);
    const leanText = await lean.all();
    expect({ status: lean.status, headers: lean.headers, body: leanText }).toEqual({
      status: adapter.status,
      headers: adapter.headers,
      body: await adapter.all(),
    });
    expect(leanText).toContain(says);
    if (!path.includes("batch=1")) expect(leanText).toMatch(/^event: connected\ndata: \{\}\n\n\nevent: serialized-error\ndata: \{.*\}\n\n\n$/s);
    expect(sides.lean.reported).toEqual(sides.adapter.reported);
  });

  it("ends the procedure when its caller goes away, and serves the next one", async () => {
    const path = `appointment.onChange?${inputOf({})}`;
    const before = hub.subscriberCount;
    const streams = await Promise.all(Array.from({ length: 5 }, () => open(sides.lean.origin, path, bearer())));
    expect(await until(() => hub.subscriberCount === before + 5)).toBe(true);
    for (const stream of streams) stream.close();
    expect(await until(() => hub.subscriberCount === before)).toBe(true);
    const next = await open(sides.lean.origin, path, bearer());
    expect(await next.until(1)).toBe("event: connected\ndata: {}\n\n\n");
    next.close();
    expect(await until(() => hub.subscriberCount === before)).toBe(true);
  });
});
