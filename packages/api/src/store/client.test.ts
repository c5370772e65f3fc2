/**
 * The store reads rows itself instead of through Prisma's `$queryRaw`: every
 * kind of value must come back exactly as `$queryRaw` gave it, including the
 * ones no API write stores but a row repaired by hand can hold (infinity, BC,
 * years past 9999), so the answers built from them stay byte-identical.
 */
import { Prisma } from "@plano/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@plano/testing/fixtures";
import fc from "fast-check";
import { instantOfText, isoOfJsonInstant, parseDate, parseInstant, rows } from "./client";

/** Dates as text (an invalid one as "Invalid Date"), so two invalid Dates compare equal. */
const comparable = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : value]),
  );

describe("the store's rows", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  it("come back as Prisma's $queryRaw gives them, for every kind of value the API reads", async () => {
    const query = Prisma.sql`
      SELECT ${7}::int AS int, NULL::int AS "nullInt", true AS bool, 'text' AS text, NULL::text AS "nullText",
             '0b9a6d1e-5f8b-4d59-9b2a-3b0c2f4b8f11'::uuid AS uuid, 'trpc'::change_channel AS channel,
             ARRAY['appointments:read', 'appointments:write']::text[] AS permissions, '{"a": {"before": 1, "after": [2]}}'::jsonb AS json,
             '2024-03-20'::date AS date, NULL::date AS "nullDate", '1900-01-01'::date AS "firstDate", '9999-12-31'::date AS "lastDate",
             'infinity'::date AS "infiniteDate", '0044-03-15 BC'::date AS "bcDate", '10000-01-01'::date AS "farDate",
             '01:30:00'::time(0) AS time, '00:00:00'::time(0) AS midnight, '23:59:59'::time(0) AS "lastSecond",
             '2024-03-20 16:00:00.123+00'::timestamptz(3) AS instant, '1901-12-13 20:45:52+00'::timestamptz(3) AS "oldInstant",
             'infinity'::timestamptz AS "infiniteInstant", '-infinity'::timestamptz AS "beforeAll", '10000-01-01 00:00:00+00'::timestamptz AS "farInstant",
             '0044-03-15 12:00:00+00 BC'::timestamptz AS "bcInstant"`;
    const [viaStore] = await rows<Record<string, unknown>>(database.db, query);
    const [viaPrisma] = await database.db.$queryRaw<Record<string, unknown>[]>(query);
    expect(Object.keys(viaStore!)).toEqual(Object.keys(viaPrisma!));
    expect(comparable(viaStore!)).toStrictEqual(comparable(viaPrisma!));
    // And the answers built from them: the same JSON, byte for byte.
    expect(JSON.stringify(viaStore)).toBe(JSON.stringify(viaPrisma));
  });

  it("run the same text again as the prepared statement, with new values", async () => {
    const pick = (id: number) => rows<{ id: number }>(database.db, Prisma.sql`SELECT ${id}::int AS id`);
    expect(await pick(1)).toEqual([{ id: 1 }]);
    expect(await pick(2)).toEqual([{ id: 2 }]);
  });
});

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * An instant as PostgreSQL writes it in a UTC session, date and time joined by
 * `separator` (text: " ", JSON: "T"), with one of `offsets`: fields in and
 * out of range, any year of four digits, any fraction.
 */
const instantSpelled = (separator: string, offsets: string[]) =>
  fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 60 }),
      fraction: fc.option(fc.stringMatching(/^\d{1,7}$/), { nil: undefined }),
      offset: fc.constantFrom(...offsets),
    })
    .map(
      ({ year, month, day, hour, minute, second, fraction, offset }) =>
        `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction === undefined ? "" : `.${fraction}`}${offset}`,
    );

/** The texts of `spelled` with one character changed anywhere to one of `characters`. */
const mangled = (spelled: fc.Arbitrary<string>, characters: string[]) =>
  fc.tuple(spelled, fc.nat(), fc.constantFrom(...characters)).map(([text, at, ch]) => {
    const i = at % text.length;
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

describe("parseInstant", () => {
  // PostgreSQL's text for a timestamptz in a UTC session, any year it prints with four digits, any fraction.
  const spelled = instantSpelled(" ", ["+00", "+00", "+00", "+05:30", "-08", "+00 BC", "+0"]);
  // And the same with one character changed anywhere, and PostgreSQL's other spellings.
  const any = fc.oneof(
    spelled,
    spelled,
    mangled(spelled, ["x", " ", "-", ":", ".", "9", "+"]),
    fc.constantFrom("infinity", "-infinity", "", "2024-02-29 12:00:00+00", "2023-02-29 12:00:00+00"),
  );
  const sameInstant = (a: Date, b: Date) => Object.is(a.getTime(), b.getTime());

  it("reads every text as the rewritten text's Date parsing reads it", () => {
    fc.assert(
      fc.property(any, (text) => {
        expect(sameInstant(parseInstant(text), instantOfText(text)), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("isoOfJsonInstant", () => {
  // PostgreSQL's JSON text for a timestamptz in a UTC session, in and out of range, any fraction, other offsets.
  const spelled = instantSpelled("T", ["+00:00", "+00:00", "+00:00", "+05:30", "-08:00", "Z", "+00", "-00:00"]);
  const any = fc.oneof(
    spelled,
    spelled,
    mangled(spelled, ["x", " ", "-", ":", ".", "9", "+", "T"]),
    fc.constantFrom(
      "infinity",
      "-infinity",
      "",
      "2024-02-29T12:00:00+00:00",
      "2023-02-29T12:00:00+00:00",
      "2100-02-29T00:00:00+00:00",
      "+10000-01-01T00:00:00+00:00",
    ),
  );
  /** The ISO text, or the error Date's own conversion throws. */
  const outcome = (convert: () => string) => {
    try {
      return convert();
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };

  it("answers every text as Date parsing and toISOString answer it", () => {
    fc.assert(
      fc.property(any, (text) => {
        expect(
          outcome(() => isoOfJsonInstant(text)),
          text,
        ).toBe(outcome(() => new Date(text).toISOString()));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("parseDate", () => {
  // PostgreSQL's text for a date (ISO DateStyle), in and out of range, and with one character changed anywhere.
  const spelled = fc
    .record({ year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }) })
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
  const any = fc.oneof(
    spelled,
    spelled,
    mangled(spelled, ["x", " ", "-", "0", "9", "+"]),
    fc.constantFrom("infinity", "-infinity", "", "2024-02-29", "2023-02-29", "2026-02-30", "0044-03-15 BC", "12026-01-01"),
  );

  it("reads every text as Date parsing reads it", () => {
    fc.assert(
      fc.property(any, (text) => {
        expect(Object.is(parseDate(text).getTime(), new Date(text).getTime()), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
