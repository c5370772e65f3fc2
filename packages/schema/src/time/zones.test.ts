import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToZoned, isValidTimeZone, zonedStartOfDay, zonedToInstant } from "./index";

const at = (iso: string) => new Date(iso);

describe("isValidTimeZone", () => {
  it.each(["America/Denver", "Europe/Berlin", "UTC", "Asia/Kolkata"])("knows %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus_Mons", "+01:00", "America/Denver ", null, 42])("does not know %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("instantToZoned", () => {
  it("reads the zone's wall clock, truncated to the second", () => {
    expect(instantToZoned(at("2024-03-20T16:00:00.999Z"), "America/Denver")).toEqual({ date: "2024-03-20", time: "10:00:00" });
    expect(instantToZoned(at("2024-03-20T16:00:00Z"), "Europe/Berlin")).toEqual({ date: "2024-03-20", time: "17:00:00" });
    expect(instantToZoned(at("2024-03-20T23:30:00Z"), "Asia/Kolkata")).toEqual({ date: "2024-03-21", time: "05:00:00" });
  });

  it("writes midnight as 00, not 24", () => {
    expect(instantToZoned(at("2024-03-20T06:00:00Z"), "America/Denver")).toEqual({ date: "2024-03-20", time: "00:00:00" });
  });

  it("throws on an invalid Date or an unknown zone", () => {
    expect(() => instantToZoned(new Date(Number.NaN), "UTC")).toThrow(RangeError);
    expect(() => instantToZoned(at("2024-03-20T06:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("zonedToInstant", () => {
  it("finds the instant of an ordinary wall time", () => {
    expect(zonedToInstant("2024-03-20", "10:00:00", "America/Denver")).toEqual({ ok: true, value: at("2024-03-20T16:00:00Z") });
    expect(zonedToInstant("2024-01-15", "10:00:00", "America/Denver")).toEqual({ ok: true, value: at("2024-01-15T17:00:00Z") });
  });

  describe.each([
    // zone, spring-forward day, a skipped time, fall-back day, a repeated time, its earlier instant, its later instant
    ["America/Denver", "2024-03-10", "02:30:00", "2024-11-03", "01:30:00", "2024-11-03T07:30:00Z", "2024-11-03T08:30:00Z"],
    ["Europe/Berlin", "2024-03-31", "02:30:00", "2024-10-27", "02:30:00", "2024-10-27T00:30:00Z", "2024-10-27T01:30:00Z"],
  ])("in %s", (zone, springDay, skipped, fallDay, repeated, earlier, later) => {
    it("reports a wall time in the spring-forward gap as nonexistent", () => {
      expect(zonedToInstant(springDay, skipped, zone)).toEqual({
        ok: false,
        error: { kind: "nonexistent-local-time", timeZone: zone, date: springDay, time: skipped },
      });
    });

    it("resolves a wall time in the fall-back overlap to the earlier instant", () => {
      expect(instantToZoned(at(earlier), zone)).toEqual({ date: fallDay, time: repeated });
      expect(instantToZoned(at(later), zone)).toEqual({ date: fallDay, time: repeated });
      expect(zonedToInstant(fallDay, repeated, zone)).toEqual({ ok: true, value: at(earlier) });
    });
  });

  it("accepts the wall times at the edges of the gap", () => {
    expect(zonedToInstant("2024-03-10", "01:59:59", "America/Denver")).toEqual({ ok: true, value: at("2024-03-10T08:59:59Z") });
    expect(zonedToInstant("2024-03-10", "03:00:00", "America/Denver")).toEqual({ ok: true, value: at("2024-03-10T09:00:00Z") });
  });

  it("throws on malformed input, which callers validate first", () => {
    expect(() => zonedToInstant("2024-02-30", "10:00:00", "UTC")).toThrow(RangeError);
    expect(() => zonedToInstant("2024-02-01", "10:00", "UTC")).toThrow(RangeError);
  });

  it("round-trips every instant whose wall clock is not the later of a repeated pair", () => {
    const zones = ["America/Denver", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"];
    const instants = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }).map((s) => new Date(s * 1000));
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (instant, zone) => {
        const { date, time } = instantToZoned(instant, zone);
        const back = zonedToInstant(date, time, zone);
        if (!back.ok) return false;
        // Either the same instant, or the earlier one of an overlap showing the same wall clock.
        if (back.value.getTime() === instant.getTime()) return true;
        return back.value < instant && JSON.stringify(instantToZoned(back.value, zone)) === JSON.stringify({ date, time });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("zonedStartOfDay", () => {
  it("is local midnight", () => {
    expect(zonedStartOfDay("2024-03-10", "America/Denver")).toEqual(at("2024-03-10T07:00:00Z"));
    expect(zonedStartOfDay("2024-03-11", "America/Denver")).toEqual(at("2024-03-11T06:00:00Z"));
  });

  it("is the moment the clocks jump to on a day that skips midnight", () => {
    // Chile springs forward from 24:00 on Sep 7 to 01:00 on Sep 8.
    expect(zonedToInstant("2024-09-08", "00:00:00", "America/Santiago").ok).toBe(false);
    expect(zonedStartOfDay("2024-09-08", "America/Santiago")).toEqual(at("2024-09-08T04:00:00Z"));
    expect(instantToZoned(zonedStartOfDay("2024-09-08", "America/Santiago"), "America/Santiago")).toEqual({
      date: "2024-09-08",
      time: "01:00:00",
    });
  });
});
