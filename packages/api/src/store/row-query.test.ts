/**
 * The store's query builds its rows itself (row-query.ts); pg's own query is
 * the reference: for the same statement, parsers and column list, every row
 * must be the one pg builds (keys, their order, values, prototype), and every
 * failure must fail as pg's does, leaving the connection usable.
 */
import { pgTypeParser, poolOf } from "@plano/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@plano/testing/fixtures";
import { queryRows, type TypeParsers } from "./row-query";

const pgTypes: TypeParsers = { getTypeParser: pgTypeParser };

/** SQL expressions of the kinds of value the store reads, nulls included. */
const expressions = [
  "7::int",
  "NULL::int",
  "9007199254740993::bigint",
  "1.50::numeric",
  "true",
  "'text with \"quotes\" and ''apostrophes'''::text",
  "''::text",
  "NULL::text",
  "'0b9a6d1e-5f8b-4d59-9b2a-3b0c2f4b8f11'::uuid",
  "ARRAY['a', NULL, 'c']::text[]",
  `'{"a": {"before": 1, "after": [2]}}'::jsonb`,
  "'2024-03-20'::date",
  "'infinity'::date",
  "'01:30:00'::time(0)",
  "'2024-03-20 16:00:00.123+00'::timestamptz(3)",
  "'-infinity'::timestamptz",
  "'\\x00ff'::bytea",
];

/** Column names: the store's camelCase aliases, and the names a plain object literal would get wrong. */
const columnNames = [
  "id",
  "officeTimeZone",
  "starts_at",
  "__proto__",
  "constructor",
  "toString",
  "0",
  "1e3",
  "a b",
  'say "hi"',
  "ünïcode",
  "?column?",
  "hasOwnProperty",
];

const column = fc.record({ name: fc.oneof(fc.constantFrom(...columnNames), fc.string({ maxLength: 8 })), expression: fc.constantFrom(...expressions) });

/** A row with its prototype and every own key in order, so that a difference in either shows. */
const shape = (row: object) => ({
  prototype: Object.getPrototypeOf(row),
  entries: Reflect.ownKeys(row).map((key) => [key, (row as Record<PropertyKey, unknown>)[key]]),
});

describe("the store's query", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  /** The rows pg's own query builds. */
  const pgRows = async (config: { name?: string; text: string; values?: unknown[]; types: TypeParsers }) => {
    const pool = poolOf(database.db) as unknown as { query(config: object): Promise<{ rows: Record<string, unknown>[] }> };
    return (await pool.query(config)).rows;
  };

  // PostgreSQL takes no empty identifier and no NUL in one.
  const identifier = (name: string) => `"${name.replaceAll('"', '""').replaceAll("\u0000", "") || "?column?"}"`;
  const select = (columns: Array<{ name: string; expression: string }>, rowCount: number) =>
    `SELECT ${columns.map(({ name, expression }) => `${expression} AS ${identifier(name)}`).join(", ")} FROM generate_series(1, ${rowCount})`;

  let statements = 0;
  it("builds every row as pg does, for any column list (duplicates, __proto__, Object's own names), any values and row count", async () => {
    const pool = poolOf(database.db);
    await fc.assert(
      fc.asyncProperty(fc.array(column, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), async (columns, rowCount, named) => {
        const text = select(columns, rowCount);
        const name = `row_query_test_${++statements}`;
        const [ours, theirs] = [
          await queryRows<Record<string, unknown>>(pool, { name: named ? `${name}_a` : undefined, text, values: [] }, pgTypes),
          await pgRows({ name: named ? `${name}_b` : undefined, text, types: pgTypes }),
        ];
        expect(ours.map(shape)).toStrictEqual(theirs.map(shape));
      }),
      { numRuns: 300 },
    );
  });

  it("the same for an appointment's columns with values bound, twice in a row (the cached builder) and with the columns reversed", async () => {
    const pool = poolOf(database.db);
    const columns = Array.from({ length: 60 }, (_, i) => ({ name: `column${i}`, expression: `$${(i % 3) + 1}::text` }));
    for (const list of [columns, columns, [...columns].reverse()]) {
      const text = select(list, 2);
      const values = ["one", null, "three"];
      const ours = await queryRows<Record<string, unknown>>(pool, { text, values }, pgTypes);
      const theirs = await pgRows({ text, values, types: pgTypes });
      expect(ours.map(shape)).toStrictEqual(theirs.map(shape));
      expect(Object.keys(ours[0]!)[0]).toBe(list[0]!.name);
    }
  });

  it("inside a transaction, on one of the pool's connections", async () => {
    const connection = await poolOf(database.db).connect();
    try {
      await connection.query("BEGIN");
      await connection.query("CREATE TEMP TABLE row_query_t (n int) ON COMMIT DROP");
      const inserted = await queryRows<{ n: number }>(connection, { text: "INSERT INTO row_query_t VALUES ($1), ($2) RETURNING n", values: [1, 2] }, pgTypes);
      expect(inserted).toStrictEqual([{ n: 1 }, { n: 2 }]);
      const read = await queryRows<{ count: string }>(connection, { text: "SELECT count(*) FROM row_query_t", values: [] }, pgTypes);
      expect(read).toStrictEqual([{ count: "2" }]);
      await connection.query("COMMIT");
    } finally {
      connection.release();
    }
  });

  it("a statement without rows answers none, as pg", async () => {
    const pool = poolOf(database.db);
    expect(await queryRows(pool, { text: "SELECT 1 WHERE false", values: [] }, pgTypes)).toStrictEqual([]);
    expect(await queryRows(pool, { text: "SET LOCAL statement_timeout = 0", values: [] }, pgTypes)).toStrictEqual([]);
  });

  it("fails as pg does: a database error, a parser that throws, more than one statement; the pool serves on", async () => {
    const pool = poolOf(database.db);
    const failure = async (run: () => Promise<unknown>) =>
      run().then(
        () => "answered",
        (error: Error) => error,
      );

    const sqlError = (await failure(() => queryRows(pool, { text: "SELECT 1/$1::int", values: [0] }, pgTypes))) as Error & { code?: string };
    const pgSqlError = (await failure(() => pool.query({ text: "SELECT 1/$1::int", values: [0] }))) as Error & { code?: string };
    expect([sqlError.constructor.name, sqlError.code, sqlError.message]).toEqual([pgSqlError.constructor.name, "22012", pgSqlError.message]);

    const boom = new Error("cannot read this value");
    const throwing: TypeParsers = {
      getTypeParser: (oid, format) =>
        oid === 25
          ? () =>
              ((): never => {
                throw boom;
              })()
          : pgTypeParser(oid, format),
    };
    const text = "SELECT n, n::text AS t FROM generate_series(1, 3) AS n";
    expect(await failure(() => queryRows(pool, { text, values: [] }, throwing))).toBe(boom);
    expect(await failure(() => pgRows({ text, values: [], types: throwing }))).toBe(boom);

    // Unnamed and without values, pg sends this as a simple query, which may hold several statements: the store's may not.
    for (const text of ["SELECT 1 AS a; SELECT 2 AS b", "SET LOCAL statement_timeout = 0; SELECT 2 AS b", "SELECT 1 AS a; SET LOCAL statement_timeout = 0"]) {
      const twice = await failure(() => queryRows(pool, { text, values: [] }, pgTypes));
      expect((twice as Error).message, text).toMatch(/more than one statement/);
    }

    // Every connection went back to the pool, usable.
    const again = await Promise.all(
      Array.from({ length: 12 }, (_, i) => queryRows<{ i: number }>(pool, { text: "SELECT $1::int AS i", values: [i] }, pgTypes)),
    );
    expect(again.map(([row]) => row!.i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });
});
