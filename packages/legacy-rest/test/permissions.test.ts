/**
 * The permission matrix of docs/permissions.md, cell by cell, through both doors:
 * tRPC over HTTP (the typed client internal services use) and REST /api/v1.
 * The expected cells are written out here from that page, not derived from the
 * implementation: a change of rule must change the page and this table together.
 */
import { createPlanoClient, TRPCClientError, type PlanoClient } from "@plano/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicationToken, createSession, createUser } from "../../api/src/auth/credentials-admin";
import { freshDatabase } from "@plano/testing/fixtures";
import type { TestDatabase } from "@plano/testing/database";
import { send, startApiServer, type TestServer } from "./harness";

type Role = "scheduler" | "viewer" | "photographer" | "client" | "none";
/** ann's shoot (photographer Ann), bob's shoot (photographer Bob), carla's order (shot by Bob, ordered by client Carla). */
type Target = "ann" | "bob" | "carla";
const roles: Role[] = ["scheduler", "viewer", "photographer", "client", "none"];
const targets: Target[] = ["ann", "bob", "carla"];
/** "refused": FORBIDDEN on tRPC, invalid-param on REST. Otherwise: exactly the rows the caller gets. */
type Rows = Target[] | "refused";

// ---- docs/permissions.md, "Appointments" -------------------------------------------------
const list: Record<Role, Rows> = {
  scheduler: ["ann", "bob", "carla"],
  viewer: ["ann", "bob", "carla"],
  photographer: ["ann"],
  client: ["carla"],
  none: "refused",
};
/** byId / appointments/get: the targets that answer; every other one is refused. */
const get: Record<Role, Target[]> = {
  scheduler: ["ann", "bob", "carla"],
  viewer: ["ann", "bob", "carla"],
  photographer: ["ann"],
  client: ["carla"],
  none: [],
};
const history: Record<Role, Target[]> = { scheduler: ["ann", "bob", "carla"], viewer: ["ann", "bob", "carla"], photographer: [], client: [], none: [] };
const create: Record<Role, boolean> = { scheduler: true, viewer: false, photographer: false, client: false, none: false };
const update: Record<Role, Target[]> = { scheduler: ["ann", "bob", "carla"], viewer: [], photographer: [], client: [], none: [] };
const confirm: Record<Role, Target[]> = { scheduler: ["ann", "bob", "carla"], viewer: [], photographer: ["ann"], client: [], none: [] };
const cancel: Record<Role, Target[]> = { scheduler: ["ann", "bob", "carla"], viewer: [], photographer: [], client: [], none: [] };
/** conflicts on Bob's slot (where bob's shoot and carla's order overlap) and on Ann's slot. */
const conflictsOnBobsSlot: Record<Role, Rows> = { scheduler: ["bob", "carla"], viewer: ["bob", "carla"], photographer: [], client: ["carla"], none: "refused" };
const conflictsOnAnnsSlot: Record<Role, Rows> = { scheduler: ["ann"], viewer: ["ann"], photographer: ["ann"], client: [], none: "refused" };
// ---- "Reference data and the rest" -------------------------------------------------------
const photographerFields: Record<Role, string[] | "refused"> = {
  scheduler: ["email", "id", "name"],
  viewer: ["email", "id", "name"],
  photographer: ["id", "name"],
  client: ["id", "name"],
  none: "refused",
};
const offices: Record<Role, boolean> = { scheduler: true, viewer: true, photographer: true, client: true, none: false };
const notifications: Record<Role, boolean> = { scheduler: true, viewer: false, photographer: false, client: false, none: false };

const SLOT = { dateStartLocal: "2027-05-03", timeStartLocal: "10:00", timeDuration: "1:00" };
const READ_MARKER = "matrix-read";

let database: TestDatabase;
let server: TestServer;
let officeId: number;
const users = {} as Record<"ann" | "bob" | "carla", { id: number }>;
let orderId: number;
const tokens = {} as Record<Role, string>;
const shared = {} as Record<Target, { id: number; startsAt: string; stopsAt: string }>;
let admin: PlanoClient;

const trpcAs = (role: Role) => createPlanoClient({ url: `${server.url}/api/trpc`, token: tokens[role], application: "planoauth", batch: false });
const rest = (role: Role, path: string, params: Record<string, unknown> = {}) =>
  send(server.url, `/api/v1/appointments/${path}`, { token: tokens[role], application: "planoauth", ...params });

/** "ok", or the reason the API refused (data.plano.reason). */
async function trpcOutcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCClientError) return (error.data as { plano?: { reason: string } }).plano?.reason ?? String(error.message);
    throw error;
  }
}

const patchFor = (target: Target) =>
  target === "ann"
    ? { photographerUserId: users.ann.id }
    : target === "bob"
      ? { photographerUserId: users.bob.id }
      : { photographerUserId: users.bob.id, orderId };

/** A fresh appointment for one write cell, so writes never disturb each other or the read cells. */
async function freshTarget(target: Target) {
  const { appointment } = await admin.appointment.create.mutate({
    officeId,
    summary: "matrix-write",
    dateStartLocal: "2027-08-01",
    timeStartLocal: "09:00",
    timeDuration: "1:00",
    ...patchFor(target),
  });
  return appointment;
}

const nameOf = (id: number) => (Object.keys(shared) as Target[]).find((target) => shared[target].id === id) ?? `#${id}`;
const sorted = (rows: Target[]) => [...rows].sort();

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  officeId = (await db.office.create({ data: { name: "Denver", timeZone: "America/Denver" } })).id;
  const stamp = Date.now();
  users.ann = await createUser(db, {
    email: `ann.${stamp}@example.com`,
    name: "Ann",
    photographer: true,
    roles: [{ application: "planoauth", role: "photographer" }],
  });
  users.bob = await createUser(db, {
    email: `bob.${stamp}@example.com`,
    name: "Bob",
    photographer: true,
    roles: [{ application: "planoauth", role: "photographer" }],
  });
  const carla = await createUser(db, { email: `carla.${stamp}@example.com`, name: "Carla", client: true });
  users.carla = carla;
  orderId = (await db.order.create({ data: { clientId: carla.client!.id, reference: "ORD-M" } })).id;
  const nobody = await createUser(db, { email: `nobody.${stamp}@example.com`, name: "Nobody", employee: true });
  tokens.scheduler = (await createApplicationToken(db, "planoauth", { role: "scheduler" })).token;
  tokens.viewer = (await createApplicationToken(db, "planoauth", { role: "viewer" })).token;
  tokens.photographer = (await createSession(db, users.ann.id, false, new Date())).token;
  tokens.client = (await createSession(db, carla.id, false, new Date())).token;
  tokens.none = (await createSession(db, nobody.id, false, new Date())).token;
  server = await startApiServer({ db });
  admin = trpcAs("scheduler");
  for (const target of targets) {
    const { appointment } = await admin.appointment.create.mutate({ officeId, summary: `${READ_MARKER} ${target}`, ...SLOT, ...patchFor(target) });
    shared[target] = { id: appointment.id, startsAt: appointment.startsAt!, stopsAt: appointment.stopsAt! };
  }
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe.each(roles)("as %s", (role) => {
  it("appointment.list / appointments/list return exactly the rows in scope", async () => {
    const viaTrpc = await trpcAs(role)
      .appointment.list.query({ search: READ_MARKER })
      .then((page) => sorted(page.appointments.map((row) => nameOf(row.id)) as Target[]))
      .catch(async (error: unknown) => ((await trpcOutcome(Promise.reject(error))) === "forbidden" ? "refused" : error));
    expect(viaTrpc).toEqual(list[role] === "refused" ? "refused" : sorted(list[role]));
    const viaRest = await rest(role, "list", { search: READ_MARKER });
    if (list[role] === "refused") expect(viaRest.body.status).toBe("invalid-param");
    else expect(sorted(viaRest.body.data!.appointments.map((row: { id: number }) => nameOf(row.id)))).toEqual(sorted(list[role]));
  });

  it.each(targets)("appointment.byId and history / appointments/get and history of %s's", async (target) => {
    const id = shared[target].id;
    const expectGet = get[role].includes(target);
    const expectHistory = history[role].includes(target);
    expect(await trpcOutcome(trpcAs(role).appointment.byId.query({ id }))).toBe(expectGet ? "ok" : "forbidden");
    expect((await rest(role, "get", { id })).body.status).toBe(expectGet ? "action-successful" : "invalid-param");
    expect(await trpcOutcome(trpcAs(role).appointment.history.query({ id }))).toBe(expectHistory ? "ok" : "forbidden");
    expect((await rest(role, "history", { id })).body.status).toBe(expectHistory ? "action-successful" : "invalid-param");
  });

  it("appointment.create / appointments/create", async () => {
    const input = { officeId, summary: "matrix-write", dateStartLocal: "2027-08-02", timeStartLocal: "09:00", timeDuration: "1:00" };
    expect(await trpcOutcome(trpcAs(role).appointment.create.mutate(input))).toBe(create[role] ? "ok" : "forbidden");
    const answer = await rest(role, "create", {
      office_id: officeId,
      summary: "matrix-write",
      date_start_local: "2027-08-02",
      time_start_local: "09:00",
      time_duration: "1:00",
    });
    expect(answer.body.status).toBe(create[role] ? "action-successful" : "invalid-param");
  });

  it.each(targets)("appointment.update, confirm and cancel / appointments/update, confirm and cancel of %s's", async (target) => {
    const cells = { update, confirm, cancel };
    for (const [procedure, cell] of Object.entries(cells) as [keyof typeof cells, Record<Role, Target[]>][]) {
      const allowed = cell[role].includes(target);
      const viaTrpc = await freshTarget(target);
      const viaRest = await freshTarget(target);
      const api = trpcAs(role).appointment;
      const call =
        procedure === "update"
          ? api.update.mutate({ id: viaTrpc.id, updatedAtMt: viaTrpc.updatedAtMt, patch: { notes: "matrix" } })
          : procedure === "confirm"
            ? api.confirm.mutate({ id: viaTrpc.id })
            : api.cancel.mutate({ id: viaTrpc.id, reason: "matrix" });
      expect({ procedure, outcome: await trpcOutcome(call) }).toEqual({ procedure, outcome: allowed ? "ok" : "forbidden" });
      const params =
        procedure === "update"
          ? { id: viaRest.id, updated_at_mt: viaRest.updatedAtMt, notes: "matrix" }
          : procedure === "confirm"
            ? { id: viaRest.id }
            : { id: viaRest.id, cancel_reason: "matrix" };
      const answer = await rest(role, procedure, params);
      expect({ procedure, status: answer.body.status }).toEqual({ procedure, status: allowed ? "action-successful" : "invalid-param" });
      // A refused write leaves the record as it was.
      const after = await admin.appointment.byId.query({ id: viaRest.id });
      if (!allowed) expect(after.updatedAtMt).toBe(viaRest.updatedAtMt);
    }
  });

  it("appointment.conflicts answers only overlaps in the caller's scope", async () => {
    const api = trpcAs(role).appointment;
    const ask = async (slot: { photographerUserId: number; startsAt: string; stopsAt: string }) => {
      try {
        return sorted((await api.conflicts.query(slot)).map((row) => nameOf(row.id)) as Target[]);
      } catch (error) {
        expect(await trpcOutcome(Promise.reject(error))).toBe("forbidden");
        return "refused";
      }
    };
    const bobs = { photographerUserId: users.bob.id, startsAt: shared.bob.startsAt, stopsAt: shared.bob.stopsAt };
    const anns = { photographerUserId: users.ann.id, startsAt: shared.ann.startsAt, stopsAt: shared.ann.stopsAt };
    const expected = (rows: Rows) => (rows === "refused" ? rows : sorted(rows));
    expect(await ask(bobs)).toEqual(expected(conflictsOnBobsSlot[role]));
    expect(await ask(anns)).toEqual(expected(conflictsOnAnnsSlot[role]));
    // Starting from an appointment the caller can read and pointing at another photographer changes nothing.
    if (role === "photographer") {
      expect(await api.conflicts.query({ id: shared.ann.id, photographerUserId: users.bob.id })).toEqual([]);
    }
  });

  it("directory.photographers shows the documented fields; offices and notifications as documented", async () => {
    const api = trpcAs(role);
    const fields = await api.directory.photographers
      .query()
      .then((rows) => Object.keys(rows.find((row) => row.id === users.ann.id)!).sort())
      .catch(async (error: unknown) => ((await trpcOutcome(Promise.reject(error))) === "forbidden" ? ("refused" as const) : error));
    expect(fields).toEqual(photographerFields[role]);
    expect(await trpcOutcome(api.directory.offices.query())).toBe(offices[role] ? "ok" : "forbidden");
    expect(await trpcOutcome(api.notification.list.query())).toBe(notifications[role] ? "ok" : "forbidden");
  });
});
