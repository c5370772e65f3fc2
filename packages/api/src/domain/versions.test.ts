import { describe, expect, it } from "vitest";
import { describedFailure } from "@plano/testing/described-failure";
import { namesVersion, nextVersion, readVersion } from "./versions";

const current = new Date("2026-06-15T15:00:01.250Z");

describe("versions (updated_at_mt)", () => {
  it.each([
    ["2026-06-15T15:00:01.250Z", true],
    ["2026-06-15T15:00:01Z", true], // a FileMaker timestamp field: the fraction cut off
    ["2026-06-15T15:00:01", true], // no zone: UTC, like every timestamp of the API
    ["06/15/2026 15:00:01", true], // the month_first spelling
    ["6/15/2026 3:00:01 PM", true],
    ["2026-06-15T09:00:01-06:00", true], // typed in Mountain (Daylight) Time, offset given
    ["2026-06-15T15:00:01.000Z", false], // a fraction is taken as said
    ["2026-06-15T15:00:00Z", false],
    ["2026-06-15T15:00:02Z", false],
  ])("%s names the version 15:00:01.250Z: %s", (text, names) => {
    expect(namesVersion(readVersion(`${text}\r`), current)).toBe(names);
  });

  it("refuses what is no instant, naming updated_at_mt", async () => {
    const failure = await describedFailure(Promise.resolve().then(() => readVersion("last Tuesday")));
    expect({ reason: failure.reason, field: failure.field }).toEqual({ reason: "invalid-param", field: "updatedAtMt" });
  });

  it("quotes what was sent as it was sent, even when it looks like a field placeholder", async () => {
    const failure = await describedFailure(Promise.resolve().then(() => readVersion("{dateStartLocal}")));
    expect(failure.message).toContain('got "{dateStartLocal}"');
  });

  it("puts every new version in a later whole second, so a whole-second version names one version", () => {
    expect(nextVersion(current, new Date("2026-06-15T15:00:01.900Z")).toISOString()).toBe("2026-06-15T15:00:02.000Z");
    expect(nextVersion(current, new Date("2026-06-15T15:00:05.125Z")).toISOString()).toBe("2026-06-15T15:00:05.125Z");
    // A clock behind the stored version still moves forward.
    expect(nextVersion(current, new Date("2026-06-15T14:00:00Z")).toISOString()).toBe("2026-06-15T15:00:02.000Z");
  });
});
