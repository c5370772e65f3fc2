/**
 * Test fixtures shared by every package's integration tests: a fresh database
 * cloned from the run's migrated template, callers with real tokens, and a
 * small world of offices, photographers and clients.
 */
import {
  createApplicationToken,
  createCaller,
  createContext,
  createSession,
  createUser,
  syncReferenceData,
  type AppointmentMailer,
  type NewUser,
} from "@plano/api";
import type { ApplicationSlug, ChangeChannel, RoleName } from "@plano/schema";
import { inject } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";

export async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase(inject("templateDatabase"));
  await syncReferenceData(database.db);
  return database;
}

/** A settable clock, so expiry and same-day rules are tested without sleeping. */
export function testClock(start = new Date("2026-06-15T15:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    set(value: Date | string) {
      now = new Date(value);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface CallerOptions {
  token?: string;
  application?: string;
  channel?: ChangeChannel;
  clock?: () => Date;
  mailer?: AppointmentMailer;
}

export function callerFor(database: TestDatabase, options: CallerOptions = {}) {
  return createCaller(
    createContext({
      db: database.db,
      credentials: { token: options.token, application: options.application },
      channel: options.channel ?? "trpc",
      clock: options.clock,
      mailer: options.mailer,
    }),
  );
}

export async function appToken(database: TestDatabase, application: ApplicationSlug = "planoorder", role?: RoleName) {
  return (await createApplicationToken(database.db, application, { role })).token;
}

let userCounter = 0;

export async function userWithSession(
  database: TestDatabase,
  user: Partial<NewUser> = {},
  { rememberMe = false, now = new Date() }: { rememberMe?: boolean; now?: Date } = {},
) {
  userCounter += 1;
  const created = await createUser(database.db, {
    email: user.email ?? `user${userCounter}.${Date.now()}@example.com`,
    name: user.name ?? `User ${userCounter}`,
    ...user,
  });
  const { token } = await createSession(database.db, created.id, rememberMe, now);
  return { user: created, token };
}

/** Two offices in different zones, two photographers, a client with an order. */
export async function smallWorld(database: TestDatabase) {
  const { db } = database;
  const denver = await db.office.create({ data: { name: "Denver", timeZone: "America/Denver" } });
  const berlin = await db.office.create({ data: { name: "Berlin", timeZone: "Europe/Berlin" } });
  const ann = await createUser(db, { email: `ann.${Date.now()}@example.com`, name: "Ann Photographer", photographer: true });
  const bob = await createUser(db, { email: `bob.${Date.now()}@example.com`, name: "Bob Photographer", photographer: true });
  const client = await createUser(db, { email: `carla.${Date.now()}@example.com`, name: "Carla Client", client: true });
  const order = await db.order.create({ data: { clientId: client.client!.id, reference: "ORD-1" } });
  const otherOrder = await db.order.create({ data: { reference: "ORD-2" } });
  return { denver, berlin, ann, bob, client, order, otherOrder };
}
