/**
 * The per-day offset cache (zones.ts) is a shortcut: every reading through it
 * must equal the formatter's own, in every zone the runtime knows, on
 * ordinary days and on the days the offset changes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedParts, zonedPartsUncached } from "./zones";

const zones = Intl.supportedValuesOf("timeZone");
const HOUR_MS = 3_600_000;

describe("zonedParts with cached day offsets", () => {
  it("reads what the formatter reads, for any zone and instant from 1900 to 2200", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(1899, 11, 30), max: Date.UTC(2200, 0, 1) }), (zone, epochMs) => {
        expect(zonedParts(epochMs, zone)).toEqual(zonedPartsUncached(epochMs, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads what the formatter reads around every offset change of 2023-2025, minute by minute", () => {
    // Zones with DST at 01:00, 02:00, 03:00, at midnight (Santiago, Havana), half-hour shifts (Lord Howe) and south of the equator.
    const tricky = [
      "America/Denver",
      "Europe/Berlin",
      "America/Santiago",
      "America/Havana",
      "Australia/Lord_Howe",
      "Pacific/Auckland",
      "America/St_Johns",
      "Africa/Casablanca",
    ];
    const same = (epochMs: number, zone: string) => JSON.stringify(zonedParts(epochMs, zone)) === JSON.stringify(zonedPartsUncached(epochMs, zone));
    const wallHour = (epochMs: number, zone: string) => zonedPartsUncached(epochMs, zone).time;
    let changes = 0;
    const mismatches: string[] = [];
    for (const zone of tricky) {
      let previous = wallHour(Date.UTC(2023, 0, 1), zone);
      for (let hour = Date.UTC(2023, 0, 1) + HOUR_MS; hour < Date.UTC(2026, 0, 1); hour += HOUR_MS) {
        const now = wallHour(hour, zone);
        // An hour later the wall clock shows one hour more, same minute: else the offset changed in between.
        if (now.minute === previous.minute && (now.hour - previous.hour + 24) % 24 === 1) {
          previous = now;
          continue;
        }
        changes++;
        previous = now;
        for (let at = hour - 3 * HOUR_MS; at <= hour + 2 * HOUR_MS; at += 60_000) {
          for (const epochMs of [at - 1, at, at + 999]) if (!same(epochMs, zone)) mismatches.push(`${zone} ${new Date(epochMs).toISOString()}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The sweep did cross offset changes (else it would prove nothing about them).
    expect(changes).toBeGreaterThan(40);
  });

  it("still throws on an unknown zone", () => {
    expect(() => zonedParts(Date.UTC(2024, 0, 1), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
