/**
 * The hand-written ISO spellings against the standard's own: `toISOString()`
 * (ECMA-262 Date Time String Format) for every instant of years 1900–9999,
 * and what `toAppointment` makes of the edges.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate, isoInstant, isoTime, toIsoDate, toIsoTime, versionOf } from "./appointment-record";

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
    expect(versionOf(new Date("+010000-01-01T00:00:00.000Z"))).toBe("+010000-01-01T00:00:00.000Z");
  });
});
