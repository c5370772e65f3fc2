import { rolePermissions, type RoleName } from "@plano/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../src/auth/credentials-admin";
import { hashPassword, verifyPassword } from "../src/auth/passwords";
import { generateToken, hashToken, sameHash, tokenKind } from "../src/auth/tokens";
import { appToken, callerFor, freshDatabase, smallWorld, testClock, userWithSession } from "@plano/testing/fixtures";

type Database = Awaited<ReturnType<typeof freshDatabase>>;
type World = Awaited<ReturnType<typeof smallWorld>>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The reason carried by a failed call (what REST maps to a legacy status). */
async function reasonOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { cause?: { reason?: string } }).cause?.reason ?? `unexpected: ${String(error)}`;
  }
  return "succeeded";
}

describe("tokens and passwords", () => {
  it("generates 256-bit tokens with a kind prefix and stores only their SHA-256", () => {
    const token = generateToken("session");
    expect(token.startsWith("pls_")).toBe(true);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    expect(tokenKind(token)).toBe("session");
    expect(tokenKind(generateToken("application"))).toBe("application");
    expect(tokenKind("nonsense")).toBeUndefined();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token.slice(4));
    expect(generateToken("session")).not.toBe(token);
  });

  it("compares hashes in constant time and rejects different lengths", () => {
    const hash = hashToken("a");
    expect(sameHash(hash, hashToken("a"))).toBe(true);
    expect(sameHash(hash, hashToken("b"))).toBe(false);
    expect(sameHash(hash, hash.slice(0, 10))).toBe(false);
  });

  it("hashes passwords with salted scrypt", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("wrong horse", first)).toBe(false);
    expect(await verifyPassword("correct horse", "md5$abc")).toBe(false);
  });
});

describe("authentication against the database", () => {
  let database: Database;
  let world: World;
  beforeAll(async () => {
    database = await freshDatabase();
    world = await smallWorld(database);
  });
  afterAll(() => database.drop());

  it("rejects missing, malformed and unknown tokens as invalid-token", async () => {
    expect(await reasonOf(callerFor(database).appointment.list({}))).toBe("invalid-token");
    expect(await reasonOf(callerFor(database, { token: "garbage" }).appointment.list({}))).toBe("invalid-token");
    expect(await reasonOf(callerFor(database, { token: generateToken("session") }).appointment.list({}))).toBe("invalid-token");
    expect(await reasonOf(callerFor(database, { token: generateToken("application") }).appointment.list({}))).toBe("invalid-token");
  });

  it("rejects an unknown application slug naming the parameter", async () => {
    const token = await appToken(database);
    const api = callerFor(database, { token, application: "planoxyz" });
    await expect(api.appointment.list({})).rejects.toMatchObject({ cause: { reason: "invalid-param", details: { field: "application" } } });
  });

  it("binds an application token to its own application", async () => {
    const token = await appToken(database, "planoorder");
    expect(await reasonOf(callerFor(database, { token, application: "planox2" }).appointment.list({}))).toBe("invalid-param");
    expect(await reasonOf(callerFor(database, { token, application: "planoorder" }).appointment.list({}))).toBe("succeeded");
  });

  it("treats an application token without a role as its application's scheduler", async () => {
    const me = await callerFor(database, { token: await appToken(database, "planox2") }).auth.me();
    expect(me).toMatchObject({ kind: "application", application: "planox2", roles: ["scheduler"] });
    expect(me.permissions).toEqual([...rolePermissions.scheduler].sort());
  });

  it("grants what the role holds in the database now, on every request", async () => {
    const token = await appToken(database, "planox2", "viewer");
    const api = callerFor(database, { token });
    expect((await api.auth.me()).permissions).toEqual([...rolePermissions.viewer].sort());
    const role = { applicationId: (await database.db.application.findUniqueOrThrow({ where: { slug: "planox2" } })).id, name: "viewer" };
    const stored = await database.db.role.findUniqueOrThrow({ where: { applicationId_name: role } });
    try {
      await database.db.role.update({ where: { applicationId_name: role }, data: { permissions: ["appointments:read"] } });
      expect((await api.auth.me()).permissions).toEqual(["appointments:read"]);
      await database.db.role.update({ where: { applicationId_name: role }, data: { permissions: [] } });
      expect(await reasonOf(api.appointment.list({}))).toBe("forbidden");
    } finally {
      await database.db.role.update({ where: { applicationId_name: role }, data: { permissions: stored.permissions } });
    }
    expect((await api.auth.me()).permissions).toEqual([...rolePermissions.viewer].sort());
  });

  describe("session expiry", () => {
    const start = new Date("2026-01-10T12:00:00Z");

    it("expires 72 hours after the last use", async () => {
      const clock = testClock(start);
      const { token } = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "viewer" }] }, { now: start });
      const api = callerFor(database, { token, clock: clock.now });
      clock.advance(71 * HOUR);
      expect(await reasonOf(api.appointment.list({}))).toBe("succeeded"); // this use resets the idle timer
      clock.advance(71 * HOUR);
      expect(await reasonOf(api.appointment.list({}))).toBe("succeeded");
      clock.advance(72 * HOUR);
      expect(await reasonOf(api.appointment.list({}))).toBe("session-expired");
    });

    it("expires 7 days after creation even when used every day", async () => {
      const clock = testClock(start);
      const { token } = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "viewer" }] }, { now: start });
      const api = callerFor(database, { token, clock: clock.now });
      for (let day = 1; day < 7; day++) {
        clock.set(new Date(start.getTime() + day * DAY));
        expect(await reasonOf(api.appointment.list({}))).toBe("succeeded");
      }
      clock.set(new Date(start.getTime() + 7 * DAY));
      expect(await reasonOf(api.appointment.list({}))).toBe("session-expired");
    });

    it("never expires with remember-me", async () => {
      const clock = testClock(start);
      const { token } = await userWithSession(
        database,
        { employee: true, roles: [{ application: "planoauth", role: "viewer" }] },
        { now: start, rememberMe: true },
      );
      clock.advance(400 * DAY);
      expect(await reasonOf(callerFor(database, { token, clock: clock.now }).appointment.list({}))).toBe("succeeded");
    });

    it("records each use in lastUsedAt", async () => {
      const clock = testClock(start);
      const { user, token } = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "viewer" }] }, { now: start });
      clock.advance(5 * HOUR);
      await callerFor(database, { token, clock: clock.now }).appointment.list({});
      const session = await database.db.session.findFirstOrThrow({ where: { userId: user.id } });
      expect(session.lastUsedAt.toISOString()).toBe(clock.now().toISOString());
    });
  });

  it("answers client-required, with the session, for a user without client/employee/liaison records", async () => {
    const { token } = await userWithSession(database, { name: "Nobody" });
    const error = await callerFor(database, { token })
      .appointment.list({})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ cause: { reason: "client-required", details: { session: { user: { name: "Nobody" } } } } });
  });

  describe("the permission matrix", () => {
    let appointments: Record<"ann" | "bob" | "carla", number>;

    beforeAll(async () => {
      const scheduler = callerFor(database, { token: await appToken(database, "planoauth") });
      const make = async (patch: object) => (await scheduler.appointment.create({ officeId: world.denver.id, ...patch })).appointment.id;
      appointments = {
        ann: await make({ photographerUserId: world.ann.id, summary: "Ann's shoot" }),
        bob: await make({ photographerUserId: world.bob.id, summary: "Bob's shoot" }),
        carla: await make({ orderId: world.order.id, summary: "Carla's order" }),
      };
    });

    /** A caller in the given role: an app token for staff roles, a user's session for "their own" roles. */
    async function callerAs(role: RoleName, user: { id: number } | null = null) {
      if (!user) return callerFor(database, { token: await appToken(database, "planoauth", role) });
      if (role === "photographer") {
        const photographerRole = await database.db.role.findFirstOrThrow({ where: { name: "photographer", application: { slug: "planoauth" } } });
        await database.db.userRole.create({ data: { userId: user.id, roleId: photographerRole.id } });
      }
      // Clients need no grant: their client record gives them the client role.
      return callerFor(database, { token: (await createSession(database.db, user.id, false, new Date())).token });
    }

    it("lets a scheduler do everything", async () => {
      const api = await callerAs("scheduler");
      expect(await reasonOf(api.appointment.byId({ id: appointments.bob }))).toBe("succeeded");
      expect(await reasonOf(api.appointment.history({ id: appointments.bob }))).toBe("succeeded");
      expect(await reasonOf(api.appointment.confirm({ id: appointments.bob }))).toBe("succeeded");
    });

    it("lets a viewer read everything and write nothing", async () => {
      const api = await callerAs("viewer");
      expect((await api.appointment.list({})).appointments.length).toBeGreaterThanOrEqual(3);
      expect(await reasonOf(api.appointment.history({ id: appointments.ann }))).toBe("succeeded");
      expect(await reasonOf(api.appointment.create({ officeId: world.denver.id }))).toBe("forbidden");
      const current = await api.appointment.byId({ id: appointments.ann });
      expect(await reasonOf(api.appointment.update({ id: current.id, updatedAtMt: current.updatedAtMt, patch: { notes: "x" } }))).toBe("forbidden");
      expect(await reasonOf(api.appointment.confirm({ id: appointments.ann }))).toBe("forbidden");
      expect(await reasonOf(api.appointment.cancel({ id: appointments.ann, reason: "no" }))).toBe("forbidden");
    });

    it("lets a photographer read and confirm only their own appointments", async () => {
      const api = await callerAs("photographer", world.ann);
      const listed = await api.appointment.list({});
      expect(listed.appointments.map((a) => a.id)).toEqual([appointments.ann]);
      expect(await reasonOf(api.appointment.byId({ id: appointments.bob }))).toBe("forbidden");
      expect(await reasonOf(api.appointment.confirm({ id: appointments.ann }))).toBe("succeeded");
      expect(await reasonOf(api.appointment.cancel({ id: appointments.ann, reason: "sick" }))).toBe("forbidden");
      expect(await reasonOf(api.appointment.history({ id: appointments.ann }))).toBe("forbidden");
    });

    it("lets a client read the appointments of their own orders only", async () => {
      const api = await callerAs("client", world.client);
      const listed = await api.appointment.list({});
      expect(listed.appointments.map((a) => a.id)).toEqual([appointments.carla]);
      expect(await reasonOf(api.appointment.byId({ id: appointments.ann }))).toBe("forbidden");
      expect(await reasonOf(api.appointment.confirm({ id: appointments.carla }))).toBe("forbidden");
    });

    it("gives an employee without a role in the application no access", async () => {
      const { token } = await userWithSession(database, { employee: true });
      expect(await reasonOf(callerFor(database, { token }).appointment.list({}))).toBe("forbidden");
    });

    it("scopes roles to the application the caller names", async () => {
      const { token } = await userWithSession(database, { employee: true, roles: [{ application: "planoorder", role: "scheduler" }] });
      expect(await reasonOf(callerFor(database, { token, application: "planoorder" }).appointment.list({}))).toBe("succeeded");
      expect(await reasonOf(callerFor(database, { token, application: "planox2" }).appointment.list({}))).toBe("forbidden");
    });
  });
});
