/**
 * The embedded default (PGlite behind its wire server) runs one transaction at
 * a time. A burst must queue for its turn: 200 concurrent creates with one
 * Idempotency-Key got 10-11 application-crash (Prisma P2028: the transaction
 * could not start within Prisma's 2 s default).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createApplicationToken, syncReferenceData } from "@plano/api";
import { createDb, type Db } from "@plano/db";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@plano/db/embedded";
import { applyMigrations } from "@plano/db/migrate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiServer } from "../src/http";
import { listenOnLoopback, type Listening } from "./listening";
import { dbOptionsFor } from "../src/start";

vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let dataDir: string;
let embedded: EmbeddedDatabase;
let db: Db;
let api: Listening | undefined;
let origin: string;
let token: string;
let officeId: number;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "plano-burst-"));
  embedded = await openEmbeddedDatabase({ dataDir });
  await applyMigrations(embedded.url);
  // Exactly what `npm start` uses on the embedded database, with no DATABASE_* overrides.
  db = createDb(embedded.url, dbOptionsFor(true));
  await syncReferenceData(db);
  officeId = (await db.office.create({ data: { name: "Denver", timeZone: "America/Denver" } })).id;
  token = (await createApplicationToken(db, "planoorder")).token;
  api = await listenOnLoopback(createApiServer({ db }));
  origin = api.origin;
});

afterAll(async () => {
  await api?.stop();
  await db?.$disconnect();
  await embedded?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the embedded database under a burst", () => {
  it("queues 200 concurrent creates with one Idempotency-Key: all succeed with the same appointment, one row", async () => {
    const create = () =>
      fetch(`${origin}/api/v1/appointments/create`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "burst-1" },
        body: JSON.stringify({
          token,
          application: "planoorder",
          office_id: officeId,
          summary: "burst",
          date_start_local: "2027-01-05",
          time_start_local: "09:00",
        }),
      }).then(async (response) => ({ http: response.status, body: (await response.json()) as { status: string; data?: { appointment: { id: number } } } }));
    const answers = await Promise.all(Array.from({ length: 200 }, create));
    const statuses = new Map<string, number>();
    for (const answer of answers) statuses.set(answer.body.status, (statuses.get(answer.body.status) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ "action-successful": 200 });
    expect(new Set(answers.map((answer) => answer.body.data!.appointment.id)).size).toBe(1);
    expect(await db.appointment.count({ where: { summary: "burst" } })).toBe(1);
  });
});
