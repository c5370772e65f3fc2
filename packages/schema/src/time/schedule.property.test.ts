import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DerivedSchedule, type SchedulePatch, type ScheduleZones, addDays, deriveSchedule, zonedToInstant } from "./index";

/** Zones with DST in either hemisphere, half-hour DST, odd offsets and a midnight switch. */
const zoneNames = ["America/Denver", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC"];
const zonesArb: fc.Arbitrary<ScheduleZones> = fc.record({
  timeZoneLocal: fc.constantFrom(...zoneNames),
  officeTimeZone: fc.constantFrom(...zoneNames),
});
const instantSecondsArb = fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2030, 0, 1) / 1000 });
const durationArb = fc.option(fc.integer({ min: 0, max: 3 * 86_400 }), { nil: null });

const representations = [
  { name: "local", start: ["dateStartLocal", "timeStartLocal"], stop: ["dateStopLocal", "timeStopLocal"] },
  { name: "office", start: ["dateStartOffice", "timeStartOffice"], stop: ["dateStopOffice", "timeStopOffice"] },
  { name: "utc", start: ["dateStartUtc", "timeStartUtc"], stop: ["dateStopUtc", "timeStopUtc"] },
] as const;

function derive(current: DerivedSchedule | null, patch: SchedulePatch, zones: ScheduleZones): DerivedSchedule {
  const result = deriveSchedule(current, patch, zones);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join(" | "));
  return result.value;
}

function pick(record: DerivedSchedule, fields: readonly (keyof DerivedSchedule)[]): SchedulePatch {
  return Object.fromEntries(fields.map((field) => [field, record[field]]));
}

/**
 * Whether every wall clock of the record reads back as its own instant. The
 * later of a repeated (fall-back) wall time does not: it reads as the earlier,
 * by design, so such records cannot round-trip through that representation.
 */
function readsBackExactly(record: DerivedSchedule, zones: ScheduleZones): boolean {
  const checks = [
    [record.dateStartLocal, record.timeStartLocal, zones.timeZoneLocal, record.startsAt],
    [record.dateStartOffice, record.timeStartOffice, zones.officeTimeZone, record.startsAt],
    [record.dateStopLocal, record.timeStopLocal, zones.timeZoneLocal, record.stopsAt],
    [record.dateStopOffice, record.timeStopOffice, zones.officeTimeZone, record.stopsAt],
  ] as const;
  return checks.every(([date, time, zone, instant]) => {
    if (date === null || time === null || instant === null) return true;
    const back = zonedToInstant(date, time, zone);
    return back.ok && back.value.getTime() === instant.getTime();
  });
}

describe("deriveSchedule: any one representation of a derived record derives that record", () => {
  it("for timed appointments, on a create and on an update", () => {
    fc.assert(
      fc.property(zonesArb, instantSecondsArb, durationArb, (zones, startSeconds, duration) => {
        const start = new Date(startSeconds * 1000).toISOString();
        const record = derive(null, { dateStartUtc: start.slice(0, 10), timeStartUtc: start.slice(11, 19), timeDurationS: duration }, zones);
        // Every record, the later of a repeated wall time too: a write that changes nothing of the schedule keeps it
        // without deriving it (plan-write.ts), so this identity must hold without exception.
        expect(derive(record, {}, zones)).toEqual(record);
        fc.pre(readsBackExactly(record, zones));

        for (const representation of representations) {
          const both = pick(record, [...representation.start, ...(duration === null ? [] : representation.stop)]);
          expect(derive(null, both, zones), `from ${representation.name}`).toEqual(record);
          expect(derive(record, both, zones), `over itself from ${representation.name}`).toEqual(record);
          expect(derive(record, pick(record, representation.start), zones), `start only from ${representation.name}`).toEqual(record);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("for all-day appointments", () => {
    const dateArb = fc.integer({ min: 0, max: 3650 }).map((days) => addDays("2020-01-01", days));
    fc.assert(
      fc.property(zonesArb, dateArb, fc.integer({ min: 0, max: 10 }), (zones, startDate, extraDays) => {
        const record = derive(null, { allday: true, dateStartLocal: startDate, dateStopLocal: addDays(startDate, extraDays) }, zones);
        expect(derive(record, {}, zones)).toEqual(record);
        for (const representation of representations) {
          const dates = pick(record, [representation.start[0], representation.stop[0]]);
          expect(derive(null, { allday: true, ...dates }, zones), `from ${representation.name}`).toEqual(record);
          expect(derive(record, dates, zones), `over itself from ${representation.name}`).toEqual(record);
        }
      }),
      { numRuns: 200 },
    );
  });
});
