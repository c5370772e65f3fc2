/**
 * The hand-written ISO spellings against the standard's own: `toISOString()`
 * (ECMA-262 Date Time String Format) for every instant of years 1900–9999,
 * and what `toAppointment` makes of the edges. The generated builders against
 * the key-by-key conversion they replace, for any row.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appointmentFields } from "@plano/schema";
import { appointmentBuilder, dateKeys, isoDate, isoInstant, isoTime, timeKeys, toAppointment, toIsoDate, toIsoTime, versionOf } from "./appointment-record";

const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const readableInstant = fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms));

describe("ISO spellings by hand", () => {
  it("equal toISOString() for every instant of years 1900–9999", () => {
    fc.assert(
      fc.property(readableInstant, (date) => {
        const iso = date.toISOString();
        expect(isoInstant(date)).toBe(iso);
        expect(isoDate(date)).toBe(iso.slice(0, 10));
        expect(isoTime(date)).toBe(iso.slice(11, 19));
        expect(versionOf(date)).toBe(iso);
      }),
      { numRuns: 20_000 },
    );
  });

  it("hold at the edges: the first and last instants, leap days, single digits", () => {
    for (const iso of ["1900-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "2024-02-29T09:05:07.008Z", "2000-10-10T10:10:10.010Z"]) {
      expect(isoInstant(new Date(iso))).toBe(iso);
    }
  });

  it("leave unreadable values as before: null, or toISOString's own spelling for a version", () => {
    expect(toIsoDate(new Date("1899-12-31T00:00:00Z"))).toBeNull();
    expect(toIsoDate(new Date(Number.NaN))).toBeNull();
    expect(toIsoTime(new Date(Number.NaN))).toBeNull();
    expect(toIsoTime(new Date("0500-01-01T08:30:00Z"))).toBe("08:30:00");
    // toISOString().slice(11, 19) gave "31T23:59" here: the clock is read, not characters of a six-digit year.
    expect(toIsoTime(new Date("-000001-12-31T23:59:59.999Z"))).toBe("23:59:59");
    expect(versionOf(new Date("+010000-01-01T00:00:00.000Z"))).toBe("+010000-01-01T00:00:00.000Z");
  });
});

/** The conversion as it was written before the builders were generated: one key at a time, with toISOString. */
function keyByKey(row: Record<string, unknown>, keys: readonly string[], officeTimeZone: string): Record<string, unknown> {
  const readable = (value: Date | null) => {
    if (!value || Number.isNaN(value.getTime())) return null;
    const year = value.getUTCFullYear();
    return year >= 1900 && year <= 9999 ? value : null;
  };
  const convert = (key: string): ((value: Date | null) => string | null) | undefined => {
    if (dateKeys.includes(key as never)) return (value) => readable(value)?.toISOString().slice(0, 10) ?? null;
    if (timeKeys.includes(key as never)) return (value) => (value && !Number.isNaN(value.getTime()) ? value.toISOString().slice(11, 19) : null);
    if (["confirmedAt", "startsAt", "stopsAt", "createdAt", "updatedAt"].includes(key)) return (value) => readable(value)?.toISOString() ?? null;
    return undefined;
  };
  const appointment: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === "office" || key === "searchText" || key === "isLong") continue;
    const value = row[key];
    const to = convert(key);
    appointment[key] = to && typeof value !== "string" ? to(value as Date | null) : value;
  }
  appointment.officeTimeZone = officeTimeZone;
  const updatedAt = row.updatedAt as Date | string;
  appointment.updatedAtMt = typeof updatedAt === "string" ? updatedAt : updatedAt.toISOString();
  return appointment;
}

describe("the generated builders", () => {
  const modelKeys = appointmentFields.map((field) => field.key as string);
  // Every column the rows hold, the ones the API leaves out, and keys a row may carry besides.
  const keyPool = [...new Set([...modelKeys, "createdAt", "updatedAt", "searchText", "isLong", "order", "officeTimeZone", "updatedAtMt", "extra"])];
  // Date, time and instant columns hold Dates (any year, or invalid), the API's text, or null; the others anything.
  const converted = new Set([...dateKeys, ...timeKeys, "confirmedAt", "startsAt", "stopsAt", "createdAt", "updatedAt"] as string[]);
  const dateish = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }).map((ms) => new Date(ms)),
    fc.constant(new Date(Number.NaN)),
  );
  // A time column's Date is always 1970-01-01 (the store's parser). For years outside 0–9999 toISOString() starts
  // with a sign and six digits, and the old slice read a time out of the wrong characters ("31T23:59"); the builders
  // read the clock ("23:59:59", test above), so those years are left out of this comparison for time columns.
  const clockish = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: Date.UTC(0, 0, 1), max: 253_402_300_799_999 }).map((ms) => new Date(ms)),
    fc.constant(new Date(Number.NaN)),
  );
  const value = (key: string) => (timeKeys.includes(key as never) ? clockish : converted.has(key) ? dateish : fc.oneof(dateish, fc.integer(), fc.boolean()));
  const version = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
  );
  const rowArb = fc
    .tuple(fc.record(Object.fromEntries(keyPool.map((key) => [key, value(key)]))), fc.shuffledSubarray(keyPool), version, fc.string())
    .map(([values, keys, updatedAt, zone]) => {
      const row: Record<string, unknown> = {};
      for (const key of keys) row[key] = values[key];
      row.updatedAt = updatedAt;
      row.office = { timeZone: zone };
      return { row, keys: Object.keys(row), zone };
    });
  // JSON keeps the order of keys, so equal text is the same answer, byte for byte.
  const same = (a: unknown, b: unknown): void => {
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  };

  it("toAppointment answers as the key-by-key conversion for any row, in the row's key order", () => {
    fc.assert(
      fc.property(rowArb, ({ row, keys, zone }) => {
        same(toAppointment(row as never), keyByKey(row, keys, zone));
        // Again with the builder it used last, then the same keys in the other order (same length, another shape).
        same(toAppointment(row as never), keyByKey(row, keys, zone));
        const reversed = Object.fromEntries(Object.entries(row).reverse());
        same(toAppointment(reversed as never), keyByKey(reversed, Object.keys(reversed), zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it("appointmentBuilder answers as the key-by-key conversion of its keys, whatever else the row holds", () => {
    fc.assert(
      fc.property(rowArb, fc.shuffledSubarray(keyPool), ({ row, zone }, keys) => {
        same(appointmentBuilder(keys)(row, zone), keyByKey(row, keys, zone));
      }),
      { numRuns: 2_000 },
    );
  });
});
