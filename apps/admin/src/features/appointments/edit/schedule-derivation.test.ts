import { describe, expect, it } from "vitest";
import { formatInstantIn, formatTimeRangeIn, zoneAbbreviation } from "../../../lib/time-display";
import { formValuesOf } from "./form-model";
import { deriveFormSchedule } from "./schedule-derivation";

describe("no input can crash the edit page", () => {
  // Every prefix of a zone as someone types it, and junk: none is a valid IANA name until the last.
  const typed = ["E", "Eu", "Europe/", "Europe/Ber", "[", "a b", "Etc/GMT+99", "\u0000", "../../etc"];

  it("derives an issue on the zone field, never an exception, for any typed zone", () => {
    for (const zone of typed) {
      const values = { ...formValuesOf(null), officeId: "1", timeZoneLocal: zone, dateStartLocal: "2027-03-10", timeStartLocal: "10:00", timeDuration: "1:00" };
      const result = deriveFormSchedule(values, null, { start: "local", stop: "duration" }, () => "America/Denver");
      expect(result.ok, zone).toBe(false);
      if (!result.ok) expect(result.issues[0]?.field).toBe("timeZoneLocal");
    }
  });

  it("formats with a half-typed zone without throwing (Intl would: 'Invalid time zone specified: E')", () => {
    expect(() => new Intl.DateTimeFormat("en-US", { timeZone: "E" })).toThrow(RangeError);
    for (const zone of typed) {
      expect(zoneAbbreviation("2027-03-10T17:00:00Z", zone)).toBe(zone);
      expect(() => formatInstantIn("2027-03-10T17:00:00Z", zone)).not.toThrow();
      expect(formatTimeRangeIn("2027-03-10T17:00:00Z", "2027-03-10T18:30:00Z", zone)).toBe("17:00–18:30");
    }
    expect(zoneAbbreviation("not an instant", "America/Denver")).toBe("America/Denver");
  });

  it("still derives with a real zone", () => {
    const values = {
      ...formValuesOf(null),
      officeId: "1",
      timeZoneLocal: "Europe/Berlin",
      dateStartLocal: "2027-03-10",
      timeStartLocal: "10:00",
      timeDuration: "1:30",
    };
    const result = deriveFormSchedule(values, null, { start: "local", stop: "duration" }, () => "America/Denver");
    expect(result.ok && result.schedule.timeStopLocal).toBe("11:30:00");
  });
});
