import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "../src/embedded";
import { listenForNotifications } from "../src/notifications";

describe("the embedded database, owned by this process", () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "plano-embedded-"));
    database = await openEmbeddedDatabase({ dataDir });
  }, 120_000); // starting a PGlite takes long on a busy machine
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  it("keeps this process's event loop turning while the backend works (PGlite runs in its own thread)", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    try {
      // Seconds of work inside Postgres; on the main thread it would hold every timer and request until it ended.
      await client.query("select sum(i) from generate_series(1, 10000000) i");
    } finally {
      clearInterval(ticker);
      await client.end();
    }
    const took = performance.now() - started;
    expect(took).toBeGreaterThan(500); // the query really was long
    expect(longestStall).toBeLessThan(took / 2);
  }, 120_000);

  it("hears its backend's notifications in process, once the transaction commits", async () => {
    const heard: string[] = [];
    const listener = listenForNotifications(database, "plano_appointment_change", (payload) => heard.push(payload));
    try {
      await query("begin; select pg_notify('plano_appointment_change', 'rolled back'); rollback;");
      await query("select pg_notify('plano_appointment_change', $1)", ["committed é"]);
      await expect.poll(() => heard).toEqual(["committed é"]);
    } finally {
      await listener.close();
    }
  });

  it("keeps what was written across a close and a reopen, and frees the directory for the next owner", async () => {
    await query("create table kept (note text)");
    await query("insert into kept values ($1)", ["survives"]);
    await database.close();
    database = await openEmbeddedDatabase({ dataDir });
    expect(database.owner).toBe(true);
    expect(await query("select note from kept")).toEqual([{ note: "survives" }]);
  }, 120_000);
});
