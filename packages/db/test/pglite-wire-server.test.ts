import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePGlite, type PGliteWireServer } from "../src/pglite-wire-server";

describe("the PGlite wire server", () => {
  let db: PGlite;
  let server: PGliteWireServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await PGlite.create(); // in memory
    server = await servePGlite(db);
    pool = new pg.Pool({ connectionString: server.url, max: 8 });
    await pool.query("create table item (id serial primary key, label text not null)");
  });
  afterAll(async () => {
    await pool.end();
    await server.close();
    await db.close();
  });

  it("keeps concurrent transactions and parameterized queries of many connections apart", async () => {
    // What an API server does: transactions on some connections, parameterized
    // reads on others, all at once. Interleaved Parse/Bind messages would bind
    // one query's parameters to another's statement (pglite-socket 0.2.17 fails
    // this: electric-sql/pglite#1046), and lost increments would show in the sum.
    await pool.query("create table counter (id int primary key, n int not null)");
    await pool.query("insert into counter values (1, 0)");
    const increment = async () => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("select n from counter where id = $1", [1]);
        await client.query("update counter set n = n + $1 where id = $2", [1, 1]);
        await client.query("commit");
        return true;
      } finally {
        client.release();
      }
    };
    const read = (i: number) => pool.query<{ text: string }>("select $1::text || $2::text as text", [`a${i}`, "b"]).then((r) => r.rows[0]!.text === `a${i}b`);
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? increment() : read(i))));
    expect(results.filter((ok) => !ok)).toEqual([]);
    expect((await pool.query<{ n: number }>("select n from counter where id = 1")).rows[0]!.n).toBe(40);
  });

  it("keeps each connection's named prepared statements its own, and drops them when it closes", async () => {
    // One backend serves every connection: two connections preparing the same name must not collide.
    const named = (i: number) =>
      pool.query<{ text: string }>({ name: "same_name", text: "select $1::text || 'x' as text", values: [`n${i}`] }).then((r) => r.rows[0]!.text);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => named(i)));
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => `n${i}x`));
    // A different text under the same name on another connection is that connection's own statement.
    const other = new pg.Client({ connectionString: server.url });
    await other.connect();
    const { rows } = await other.query<{ n: number }>({ name: "same_name", text: "select $1::int + 1 as n", values: [41] });
    expect(rows[0]!.n).toBe(42);
    const before = await db.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements");
    await other.end();
    // Its statements are deallocated once the wire server has seen it go.
    await expect
      .poll(async () => (await db.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")).rows[0]!.n)
      .toBe(before.rows[0]!.n - 1);
  });

  it("gives a transaction the backend until it ends, so others never see its uncommitted work", async () => {
    const writer = await pool.connect();
    try {
      await writer.query("begin");
      await writer.query("insert into item (label) values ($1)", ["in flight"]);
      // Issued while the transaction is open: it must wait for the commit, not run inside it.
      const reader = pool.query<{ n: number }>("select count(*)::int as n from item where label = $1", ["in flight"]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await writer.query("commit");
      expect((await reader).rows[0]!.n).toBe(1);
    } finally {
      writer.release();
    }
  });

  it("rolls back a transaction whose connection goes away, and serves the others", async () => {
    const quitter = new pg.Client({ connectionString: server.url });
    quitter.on("error", () => {}); // we are about to cut its connection on purpose
    await quitter.connect();
    await quitter.query("begin");
    await quitter.query("insert into item (label) values ('abandoned')");
    const waiting = pool.query<{ n: number }>("select count(*)::int as n from item where label = 'abandoned'");
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0]!.n).toBe(0);
    expect(db.isInTransaction()).toBe(false);
  });

  it("recovers from a failing statement inside a batch", async () => {
    await expect(pool.query("select $1::int / 0", [1])).rejects.toThrow(/division by zero/);
    await expect(pool.query("select no_such_column from item")).rejects.toThrow(/no_such_column/);
    expect((await pool.query<{ one: number }>("select $1::int as one", [1])).rows[0]!.one).toBe(1);
  });
});

describe("notifications on the embedded database", () => {
  it("reach the owner in process when the writing transaction commits, never when it rolls back", async () => {
    const db = await PGlite.create();
    const heard: [string, string][] = [];
    const server = await servePGlite(db, { onNotification: (channel, payload) => heard.push([channel, payload]) });
    await db.exec("LISTEN plano_test");
    // A payload big enough to be split across output chunks, with multi-byte text.
    const big = `é${"x".repeat(6000)}`;
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query("begin");
      await client.query("select pg_notify('plano_test', 'rolled back')");
      await client.query("rollback");
      await client.query("begin");
      await client.query("select pg_notify('plano_test', 'first')");
      expect(heard).toEqual([]); // not before the commit
      await client.query("commit");
      await client.query("select pg_notify('plano_test', $1)", [big]);
      await client.query("select pg_notify('other_channel', 'not listened to')");
    } finally {
      await client.end();
      await server.close();
      await db.close();
    }
    expect(heard).toEqual([
      ["plano_test", "first"],
      ["plano_test", big],
    ]);
  }, 120_000); // starting a PGlite takes long on a busy machine
});
