import type { AppointmentChangeEntry } from "@plano/schema";
import { describe, expect, it } from "vitest";
import { describeChange, wordsAt } from "./history-words";

const names: Record<number, string> = { 23: "Ann Photographer", 24: "Bob Photographer" };
const nameOf = (id: unknown) => (typeof id === "number" ? (names[id] ?? null) : null);

function entry(partial: Partial<AppointmentChangeEntry>): AppointmentChangeEntry {
  return { id: 1, action: "update", actor: "Sam", application: "planoauth", channel: "rest", at: "2026-11-02T09:00:00.000Z", changes: {}, ...partial };
}

describe("history in words", () => {
  it("reads a move in the appointment's zone, with UTC beside it, naming who and the door", () => {
    // 3 Nov 2026 is a Tuesday; Berlin is on CET (UTC+1) then (IANA tzdb).
    const words = describeChange(
      entry({
        changes: {
          startsAt: { before: "2026-11-03T14:45:00.000Z", after: "2026-11-03T16:15:00.000Z" },
          stopsAt: { before: "2026-11-03T15:45:00.000Z", after: "2026-11-03T17:15:00.000Z" },
          timeStartLocal: { before: "15:45:00", after: "17:15:00" },
        },
      }),
      "Europe/Berlin",
      nameOf,
    );
    expect(words.sentence).toBe("Moved from Tue 3 Nov 15:45 to 17:15 (Berlin) by Sam, via FileMaker");
    expect(words.utc).toBe("UTC: Tue 3 Nov 14:45 to 16:15");
  });

  it("reads a move from the wall clocks the audit keeps, the record's date filling in the unchanged part", () => {
    const current = { dateStartLocal: "2026-11-03", timeStartLocal: "17:15:00", dateStartUtc: "2026-11-03", timeStartUtc: "16:15:00" };
    const words = describeChange(
      entry({ changes: { timeStartLocal: { before: "15:45:00", after: "17:15:00" }, timeStartUtc: { before: "14:45:00", after: "16:15:00" } } }),
      "Europe/Berlin",
      nameOf,
      current,
    );
    expect(words.sentence).toBe("Moved from Tue 3 Nov 15:45 to 17:15 (Berlin) by Sam, via FileMaker");
    expect(words.utc).toBe("UTC: Tue 3 Nov 14:45 to 16:15");
  });

  it("names photographers instead of ids", () => {
    const words = describeChange(
      entry({
        channel: "admin",
        changes: { photographerUserId: { before: 23, after: 24 }, photographerName: { before: "Ann Photographer", after: "Bob Photographer" } },
      }),
      "America/Denver",
      nameOf,
    );
    expect(words.sentence).toBe("Reassigned from Ann Photographer to Bob Photographer by Sam, via the admin");
    expect(words.sentence).not.toMatch(/\b2[34]\b/);
  });

  it("says cancelled with the reason, and dates the entry in the zone and UTC", () => {
    const words = describeChange(
      entry({
        action: "cancel",
        channel: "trpc",
        application: "planoorder",
        changes: { cancelled: { before: false, after: true }, cancelReason: { before: null, after: "Storm" } },
      }),
      "America/New_York",
      nameOf,
    );
    expect(words.sentence).toBe("Cancelled (“Storm”) by Sam, via the planoorder service");
    // 09:00 UTC on 2 Nov 2026 is 04:00 EST (UTC-5, DST ended 1 Nov 2026).
    expect(wordsAt("2026-11-02T09:00:00.000Z", "America/New_York")).toBe("Mon 2 Nov 04:00 (New York) · Mon 2 Nov 09:00 UTC");
  });

  it("never throws on a zone Intl does not know", () => {
    expect(() =>
      describeChange(entry({ changes: { startsAt: { before: "2026-11-03T14:45:00.000Z", after: "2026-11-03T16:15:00.000Z" } } }), "E", nameOf),
    ).not.toThrow();
  });
});
