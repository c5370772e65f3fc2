import { describe, expect, it } from "vitest";
import {
  type DerivedSchedule,
  type ScheduleFieldName,
  type ScheduleFields,
  type ScheduleIssue,
  type SchedulePatch,
  type ScheduleZones,
  deriveSchedule,
} from "./index";

const denverNewYork: ScheduleZones = { timeZoneLocal: "America/Denver", officeTimeZone: "America/New_York" };
const denverBerlin: ScheduleZones = { timeZoneLocal: "America/Denver", officeTimeZone: "Europe/Berlin" };

function derived(current: ScheduleFields | null, patch: SchedulePatch, zones = denverNewYork): DerivedSchedule {
  const result = deriveSchedule(current, patch, zones);
  if (!result.ok) throw new Error(`expected a schedule, got: ${result.issues.map((issue) => issue.message).join(" | ")}`);
  return result.value;
}

function rejected(current: ScheduleFields | null, patch: SchedulePatch, zones = denverNewYork): ScheduleIssue[] {
  const result = deriveSchedule(current, patch, zones);
  if (result.ok) throw new Error(`expected issues, got: ${JSON.stringify(result.value)}`);
  return result.issues;
}

/** The single issue of a rejected patch. */
function theIssue(current: ScheduleFields | null, patch: SchedulePatch, zones = denverNewYork): ScheduleIssue {
  const issues = rejected(current, patch, zones);
  expect(issues).toHaveLength(1);
  return issues[0] as ScheduleIssue;
}

function expectIssue(issue: ScheduleIssue, path: ScheduleFieldName, involved: ScheduleFieldName[], ...phrases: string[]) {
  expect(issue.path).toEqual([path]);
  expect(issue.fields).toEqual(expect.arrayContaining([path, ...involved]));
  for (const phrase of phrases) expect(issue.message).toContain(phrase);
}

const local = (date: string, time: string): SchedulePatch => ({ dateStartLocal: date, timeStartLocal: time });
const localStop = (date: string, time: string): SchedulePatch => ({ dateStopLocal: date, timeStopLocal: time });

/** 2024-03-20 10:00–11:30 in Denver (MDT), office in New York (EDT). */
const shoot = derived(null, { ...local("2024-03-20", "10:00:00"), ...localStop("2024-03-20", "11:30:00") });

describe("deriveSchedule: timed appointments", () => {
  it("derives every representation, the duration and the instants from the local start and stop", () => {
    expect(shoot).toEqual({
      allday: false,
      dateStartLocal: "2024-03-20",
      timeStartLocal: "10:00:00",
      dateStopLocal: "2024-03-20",
      timeStopLocal: "11:30:00",
      dateStartOffice: "2024-03-20",
      timeStartOffice: "12:00:00",
      dateStopOffice: "2024-03-20",
      timeStopOffice: "13:30:00",
      dateStartUtc: "2024-03-20",
      timeStartUtc: "16:00:00",
      dateStopUtc: "2024-03-20",
      timeStopUtc: "17:30:00",
      timeDurationS: 5400,
      timeDuration: "1:30",
      startsAt: new Date("2024-03-20T16:00:00Z"),
      stopsAt: new Date("2024-03-20T17:30:00Z"),
    });
  });

  it("derives the same record from the office or the UTC representation", () => {
    const fromOffice = derived(null, {
      dateStartOffice: "2024-03-20",
      timeStartOffice: "12:00:00",
      dateStopOffice: "2024-03-20",
      timeStopOffice: "13:30:00",
    });
    const fromUtc = derived(null, { dateStartUtc: "2024-03-20", timeStartUtc: "16:00:00", dateStopUtc: "2024-03-20", timeStopUtc: "17:30:00" });
    expect(fromOffice).toEqual(shoot);
    expect(fromUtc).toEqual(shoot);
  });

  it("accepts several representations that name the same instant", () => {
    expect(derived(null, { ...local("2024-03-20", "10:00:00"), dateStartUtc: "2024-03-20", timeStartUtc: "16:00:00" }).startsAt).toEqual(
      new Date("2024-03-20T16:00:00Z"),
    );
  });

  it("writes dates that differ between representations when the day differs", () => {
    const evening = derived(null, local("2024-03-20", "20:00:00"), denverBerlin);
    expect(evening).toMatchObject({
      dateStartLocal: "2024-03-20",
      timeStartLocal: "20:00:00",
      dateStartOffice: "2024-03-21",
      timeStartOffice: "03:00:00",
      dateStartUtc: "2024-03-21",
      timeStartUtc: "02:00:00",
    });
  });

  it("takes the other half of a representation from the current record", () => {
    const later = derived(shoot, { timeStartOffice: "15:00:00" });
    expect(later).toMatchObject({ dateStartLocal: "2024-03-20", timeStartLocal: "13:00:00", timeStopLocal: "14:30:00" });
    const nextDay = derived(shoot, { dateStartLocal: "2024-03-21" });
    expect(nextDay).toMatchObject({ dateStartLocal: "2024-03-21", timeStartLocal: "10:00:00", dateStopLocal: "2024-03-21" });
  });

  it("leaves an unscheduled appointment empty", () => {
    const nothing = derived(null, {});
    expect(nothing).toMatchObject({ allday: false, dateStartLocal: null, timeStartUtc: null, timeDurationS: null, startsAt: null, stopsAt: null });
    expect(derived(nothing, { allday: false })).toEqual(nothing);
  });

  it("allows a start without a stop", () => {
    expect(derived(null, local("2024-03-20", "10:00:00"))).toMatchObject({
      timeStartUtc: "16:00:00",
      dateStopLocal: null,
      timeStopUtc: null,
      timeDurationS: null,
      timeDuration: null,
      stopsAt: null,
    });
  });

  it("keeps the instant when only the office zone changes", () => {
    const berlin = derived(shoot, {}, denverBerlin);
    expect(berlin).toMatchObject({ timeStartLocal: "10:00:00", timeStartOffice: "17:00:00", timeStartUtc: "16:00:00" });
  });

  it("rejects malformed dates and times, naming each", () => {
    const issues = rejected(null, { dateStartLocal: "2024-02-30", timeStartLocal: "10:00", timeStopOffice: "25:00:00" });
    expect(issues.map((issue) => issue.path[0])).toEqual(["dateStartLocal", "timeStartLocal", "timeStopOffice"]);
    expect(issues[0]?.message).toContain("date_start_local must be a calendar date written YYYY-MM-DD");
    expect(issues[1]?.message).toContain("time_start_local must be a time written HH:MM:SS");
  });

  it("names the missing half of a representation", () => {
    expectIssue(theIssue(null, { dateStartLocal: "2024-03-20" }), "timeStartLocal", ["dateStartLocal"], "time_start_local is missing");
    expectIssue(theIssue(null, { timeStopOffice: "11:00:00" }), "dateStopOffice", ["timeStopOffice"], "date_stop_office is missing");
    expectIssue(theIssue(shoot, { timeStartUtc: null }), "timeStartUtc", ["dateStartUtc"], "time_start_utc is missing");
  });

  it("throws on an unknown zone, which is validated where it is set", () => {
    expect(() => deriveSchedule(null, {}, { timeZoneLocal: "Mars/Base", officeTimeZone: "UTC" })).toThrow(RangeError);
  });
});

describe("deriveSchedule: contradictions name the fields of both sides", () => {
  it("rejects a local and an office start that name different instants", () => {
    const issue = theIssue(null, { ...local("2024-03-20", "10:00:00"), dateStartOffice: "2024-03-20", timeStartOffice: "13:00:00" });
    expectIssue(
      issue,
      "timeStartLocal",
      ["dateStartLocal", "timeStartOffice", "dateStartOffice"],
      "time_start_local (2024-03-20 10:00:00 America/Denver)",
      "time_start_office (2024-03-20 13:00:00 America/New_York)",
      "different instants",
    );
  });

  it("rejects a local and a UTC stop that name different instants", () => {
    const issue = theIssue(shoot, { timeStopLocal: "12:00:00", timeStopUtc: "17:30:00" });
    expectIssue(issue, "timeStopLocal", ["dateStopLocal", "timeStopUtc", "dateStopUtc"], "time_stop_local", "time_stop_utc");
  });

  it("rejects an office and a UTC start that disagree only in the date", () => {
    const issue = theIssue(shoot, { dateStartOffice: "2024-03-21", dateStartUtc: "2024-03-20" });
    expectIssue(issue, "timeStartOffice", ["dateStartOffice", "timeStartUtc", "dateStartUtc"], "time_start_office", "time_start_utc");
  });

  it("rejects one representation clearing a boundary while another sets it", () => {
    const issue = theIssue(shoot, { dateStopLocal: null, timeStopLocal: null, timeStopOffice: "14:00:00" });
    expectIssue(issue, "dateStopLocal", ["timeStopOffice"], "date_stop_local (empty)", "time_stop_office", "one clears the stop");
  });

  it("reports a start and a stop contradiction together", () => {
    const issues = rejected(shoot, { timeStartLocal: "09:00:00", timeStartUtc: "16:00:00", timeStopLocal: "12:00:00", timeStopOffice: "13:30:00" });
    expect(issues.map((issue) => issue.path[0])).toEqual(["timeStartLocal", "timeStopLocal"]);
  });
});

describe("deriveSchedule: daylight-saving time", () => {
  // The US springs forward on 2024-03-10 and falls back on 2024-11-03; the EU
  // on 2024-03-31 and 2024-10-27. In between, Denver–Berlin is an hour shorter.
  it.each([
    ["2024-03-05", "12:00:00", "18:00:00", "17:00:00"],
    ["2024-03-20", "12:00:00", "17:00:00", "16:00:00"],
    ["2024-04-05", "12:00:00", "18:00:00", "16:00:00"],
    ["2024-10-20", "12:00:00", "18:00:00", "16:00:00"],
    ["2024-10-30", "12:00:00", "17:00:00", "16:00:00"],
    ["2024-11-05", "12:00:00", "18:00:00", "17:00:00"],
  ])("10:00 in Denver on %s is %s in New York and %s in Berlin (%s UTC)", (date, newYork, berlin, utc) => {
    expect(derived(null, local(date, "10:00:00"), denverNewYork)).toMatchObject({ timeStartOffice: newYork, timeStartUtc: utc });
    expect(derived(null, local(date, "10:00:00"), denverBerlin)).toMatchObject({ timeStartOffice: berlin, timeStartUtc: utc });
  });

  it("moves by the local wall clock or by the office's, whichever the patch speaks", () => {
    const march5 = derived(null, { ...local("2024-03-05", "10:00:00"), timeDurationS: 3600 }, denverBerlin);
    expect(derived(march5, { dateStartLocal: "2024-03-20" }, denverBerlin)).toMatchObject({
      timeStartLocal: "10:00:00",
      timeStartOffice: "17:00:00",
      timeStopOffice: "18:00:00",
    });
    expect(derived(march5, { dateStartOffice: "2024-03-20" }, denverBerlin)).toMatchObject({
      timeStartLocal: "11:00:00",
      timeStartOffice: "18:00:00",
      timeStopLocal: "12:00:00",
    });
  });

  it("measures a night across spring-forward as an hour shorter than the wall clocks suggest", () => {
    const night = derived(null, { ...local("2024-03-09", "22:00:00"), ...localStop("2024-03-10", "04:00:00") });
    expect(night).toMatchObject({ timeDurationS: 5 * 3600, timeDuration: "5:00", timeStartOffice: "00:00:00", timeStopOffice: "06:00:00" });
  });

  it("measures a night across fall-back as an hour longer", () => {
    const night = derived(null, { ...local("2024-11-03", "00:00:00"), ...localStop("2024-11-03", "03:00:00") });
    expect(night).toMatchObject({ timeDurationS: 4 * 3600, timeDuration: "4:00" });
  });

  it("rejects a local start the clocks skip, saying so", () => {
    const issue = theIssue(null, local("2024-03-10", "02:30:00"));
    expectIssue(issue, "timeStartLocal", ["dateStartLocal"], "time_start_local 02:30:00 does not exist on 2024-03-10 in America/Denver", "clocks skip");
  });

  it("rejects an office stop the Berlin clocks skip", () => {
    const issue = theIssue(null, { ...local("2024-03-30", "10:00:00"), dateStopOffice: "2024-03-31", timeStopOffice: "02:15:00" }, denverBerlin);
    expectIssue(issue, "timeStopOffice", ["dateStopOffice"], "time_stop_office 02:15:00", "Europe/Berlin", "clocks skip");
  });

  it("places a duration across the gap by elapsed time", () => {
    const night = derived(null, { ...local("2024-03-10", "01:30:00"), timeDuration: "1:00" });
    expect(night).toMatchObject({ timeStopLocal: "03:30:00", timeStopUtc: "09:30:00" });
  });

  it("reads a repeated local time as its earlier instant", () => {
    expect(derived(null, local("2024-11-03", "01:30:00")).startsAt).toEqual(new Date("2024-11-03T07:30:00Z"));
    expect(derived(null, { dateStartOffice: "2024-10-27", timeStartOffice: "02:30:00" }, denverBerlin).startsAt).toEqual(new Date("2024-10-27T00:30:00Z"));
  });

  it("keeps the later of a repeated time when it comes in as UTC, but a local copy of it then disagrees", () => {
    const later = derived(null, { dateStartUtc: "2024-11-03", timeStartUtc: "08:30:00" });
    expect(later).toMatchObject({ timeStartLocal: "01:30:00", startsAt: new Date("2024-11-03T08:30:00Z") });
    expectIssue(theIssue(null, { ...local("2024-11-03", "01:30:00"), dateStartUtc: "2024-11-03", timeStartUtc: "08:30:00" }), "timeStartLocal", [
      "timeStartUtc",
    ]);
  });
});

describe("deriveSchedule: duration", () => {
  const start = local("2024-03-20", "10:00:00");

  it("places the stop a given duration after the start, from either field", () => {
    expect(derived(null, { ...start, timeDurationS: 5400 })).toMatchObject({ timeStopLocal: "11:30:00", timeDuration: "1:30" });
    expect(derived(null, { ...start, timeDuration: "1:30" })).toMatchObject({ timeStopLocal: "11:30:00", timeDurationS: 5400 });
    expect(derived(null, { ...start, timeDuration: "25:00" })).toMatchObject({ dateStopLocal: "2024-03-21", timeStopLocal: "11:00:00" });
  });

  it("moves the stop of an existing appointment when only the duration is given", () => {
    expect(derived(shoot, { timeDurationS: 7200 })).toMatchObject({ timeStartLocal: "10:00:00", timeStopLocal: "12:00:00" });
  });

  it("accepts both duration fields when they agree, the display form to the minute", () => {
    expect(derived(null, { ...start, timeDurationS: 5430, timeDuration: "1:30" })).toMatchObject({
      timeStopLocal: "11:30:30",
      timeDurationS: 5430,
      timeDuration: "1:30",
    });
  });

  it("rejects the two duration fields disagreeing, naming both", () => {
    const issue = theIssue(null, { ...start, timeDurationS: 5400, timeDuration: "2:00" });
    expectIssue(issue, "timeDurationS", ["timeDuration"], "time_duration_s (5400)", "time_duration (2:00)", "disagree");
  });

  it("accepts a stop and a duration that agree", () => {
    expect(derived(null, { ...start, ...localStop("2024-03-20", "11:30:00"), timeDuration: "1:30" }).timeDurationS).toBe(5400);
  });

  it("rejects a stop and a duration that disagree, naming both", () => {
    const issue = theIssue(null, { ...start, ...localStop("2024-03-20", "11:30:00"), timeDurationS: 3600 });
    expectIssue(issue, "timeStopLocal", ["dateStopLocal", "timeDurationS"], "time_stop_local puts the stop 1:30 after the start", "time_duration_s (3600)");
  });

  it("rejects clearing the stop while giving a duration", () => {
    const issue = theIssue(shoot, { dateStopLocal: null, timeStopLocal: null, timeDurationS: 3600 });
    expectIssue(issue, "timeStopLocal", ["timeDurationS"], "clears the stop");
  });

  it("rejects a duration without a start", () => {
    expectIssue(theIssue(null, { timeDurationS: 3600 }), "timeDurationS", [], "time_duration_s needs a start");
  });

  it("rejects negative, fractional and malformed durations", () => {
    expectIssue(theIssue(null, { ...start, timeDurationS: -60 }), "timeDurationS", [], "time_duration_s cannot be negative");
    expectIssue(theIssue(null, { ...start, timeDurationS: 1.5 }), "timeDurationS", [], "whole number of seconds");
    expectIssue(theIssue(null, { ...start, timeDuration: "1h30" }), "timeDuration", [], "time_duration must be a duration written H:MM");
  });

  it("keeps the length when the start moves", () => {
    const moved = derived(shoot, { timeStartLocal: "14:00:00" });
    expect(moved).toMatchObject({ timeStopLocal: "15:30:00", timeDurationS: 5400 });
    const movedAcrossTheGap = derived(shoot, { dateStartLocal: "2024-03-10", timeStartLocal: "01:00:00" });
    expect(movedAcrossTheGap).toMatchObject({ timeStopLocal: "03:30:00", timeDurationS: 5400 });
  });

  it("recomputes the duration when only the stop moves", () => {
    expect(derived(shoot, { timeStopOffice: "14:00:00" })).toMatchObject({ timeStartLocal: "10:00:00", timeStopLocal: "12:00:00", timeDuration: "2:00" });
  });

  it("rejects a stop before the start, naming the stop", () => {
    const issue = theIssue(shoot, { timeStopLocal: "09:00:00" });
    expectIssue(
      issue,
      "timeStopLocal",
      ["dateStopLocal", "timeStartLocal"],
      "time_stop_local puts the stop (2024-03-20 09:00:00 America/Denver) before the start",
    );
  });

  it("accepts a stop equal to the start", () => {
    expect(derived(shoot, { timeStopLocal: "10:00:00" })).toMatchObject({ timeDurationS: 0, timeDuration: "0:00" });
  });

  it("clears the stop when the duration is cleared", () => {
    expect(derived(shoot, { timeDurationS: null, timeDuration: null })).toMatchObject({ timeStartLocal: "10:00:00", timeStopLocal: null, stopsAt: null });
  });
});

describe("deriveSchedule: clearing", () => {
  it("clears start and stop given as null dates", () => {
    const cleared = derived(shoot, { dateStartLocal: null, dateStopOffice: null });
    expect(cleared).toEqual(derived(null, {}));
  });

  it("clears the stop alone", () => {
    expect(derived(shoot, { dateStopLocal: null, timeStopLocal: null })).toMatchObject({
      timeStartLocal: "10:00:00",
      dateStopLocal: null,
      dateStopUtc: null,
      timeDurationS: null,
    });
  });

  it("rejects clearing the start while a stop remains, pointing at the start", () => {
    const issue = theIssue(shoot, { dateStartLocal: null });
    expectIssue(issue, "dateStartLocal", ["dateStopLocal"], "date_start_local cannot be cleared", "date_stop_local");
  });

  it("rejects a stop without any start, pointing at the stop", () => {
    const issue = theIssue(null, localStop("2024-03-20", "11:00:00"));
    expectIssue(issue, "dateStopLocal", ["dateStartLocal"], "date_stop_local is set but the appointment has no start");
  });
});

describe("deriveSchedule: zone correction", () => {
  const corrected: ScheduleZones = { timeZoneLocal: "America/Los_Angeles", officeTimeZone: "America/New_York", previousTimeZoneLocal: "America/Denver" };

  it("keeps the local wall clock and moves the instant", () => {
    expect(derived(shoot, {}, corrected)).toMatchObject({
      timeStartLocal: "10:00:00",
      timeStopLocal: "11:30:00",
      timeStartOffice: "13:00:00",
      timeStartUtc: "17:00:00",
      timeDurationS: 5400,
      startsAt: new Date("2024-03-20T17:00:00Z"),
    });
  });

  it("keeps the instant when the zone changes without being a correction", () => {
    const { previousTimeZoneLocal: _, ...moved } = corrected;
    expect(derived(shoot, {}, moved)).toMatchObject({ timeStartLocal: "09:00:00", timeStartUtc: "16:00:00" });
  });

  it("is no correction when the previous zone is the current one", () => {
    expect(derived(shoot, {}, { ...denverNewYork, previousTimeZoneLocal: "America/Denver" })).toEqual(shoot);
  });

  it("rejects a kept local time that the corrected zone skips", () => {
    const phoenix = derived(null, local("2024-03-10", "02:30:00"), { timeZoneLocal: "America/Phoenix", officeTimeZone: "America/Phoenix" });
    const issue = theIssue(phoenix, {}, { timeZoneLocal: "America/Denver", officeTimeZone: "America/Phoenix", previousTimeZoneLocal: "America/Phoenix" });
    expectIssue(issue, "timeStartLocal", [], "does not exist on 2024-03-10 in America/Denver");
  });
});

describe("deriveSchedule: all-day appointments", () => {
  const day = derived(null, { allday: true, dateStartLocal: "2024-03-10" });

  it("carries one date in every representation and no times", () => {
    expect(day).toEqual({
      allday: true,
      dateStartLocal: "2024-03-10",
      timeStartLocal: null,
      dateStopLocal: "2024-03-10",
      timeStopLocal: null,
      dateStartOffice: "2024-03-10",
      timeStartOffice: null,
      dateStopOffice: "2024-03-10",
      timeStopOffice: null,
      dateStartUtc: "2024-03-10",
      timeStartUtc: null,
      dateStopUtc: "2024-03-10",
      timeStopUtc: null,
      timeDurationS: null,
      timeDuration: null,
      // Denver's midnight of a 23-hour day, to the next midnight.
      startsAt: new Date("2024-03-10T07:00:00Z"),
      stopsAt: new Date("2024-03-11T06:00:00Z"),
    });
  });

  it("takes the day from whichever date representation is given", () => {
    expect(derived(null, { allday: true, dateStartOffice: "2024-03-10" })).toEqual(day);
    expect(derived(null, { allday: true, dateStartUtc: "2024-03-10", dateStartLocal: "2024-03-10", timeStartLocal: null })).toEqual(day);
  });

  it("spans several days, the stop day inclusive", () => {
    const days = derived(null, { allday: true, dateStartLocal: "2024-03-09", dateStopLocal: "2024-03-11" });
    expect(days).toMatchObject({ dateStopOffice: "2024-03-11", startsAt: new Date("2024-03-09T07:00:00Z"), stopsAt: new Date("2024-03-12T06:00:00Z") });
  });

  it("starts at the first instant of a day that has no midnight", () => {
    const santiago = derived(null, { allday: true, dateStartLocal: "2024-09-08" }, { timeZoneLocal: "America/Santiago", officeTimeZone: "UTC" });
    expect(santiago.startsAt).toEqual(new Date("2024-09-08T04:00:00Z"));
  });

  it("rejects times and durations, naming each", () => {
    const issues = rejected(null, { allday: true, dateStartLocal: "2024-03-10", timeStartLocal: "10:00:00", timeStopUtc: "12:00:00", timeDurationS: 60 });
    expect(issues.map((issue) => issue.path[0])).toEqual(["timeStartLocal", "timeStopUtc", "timeDurationS"]);
    expect(issues[0]?.message).toBe("time_start_local must be empty: all-day appointments carry dates only.");
  });

  it("rejects date representations that disagree, naming both", () => {
    const issue = theIssue(null, { allday: true, dateStartLocal: "2024-03-10", dateStartOffice: "2024-03-11" });
    expectIssue(issue, "dateStartLocal", ["dateStartOffice"], "date_start_local (2024-03-10)", "date_start_office (2024-03-11)");
  });

  it("rejects a stop day before the start day, naming the stop", () => {
    const issue = theIssue(day, { dateStopOffice: "2024-03-09" });
    expectIssue(issue, "dateStopOffice", ["dateStartLocal"], "date_stop_office (2024-03-09) is before date_start_local (2024-03-10)");
  });

  it("defaults a cleared stop to the start day", () => {
    const days = derived(null, { allday: true, dateStartLocal: "2024-03-09", dateStopLocal: "2024-03-11" });
    expect(derived(days, { dateStopLocal: null })).toMatchObject({ dateStopLocal: "2024-03-09", dateStopUtc: "2024-03-09" });
  });

  it("keeps the number of days when the start moves", () => {
    const days = derived(null, { allday: true, dateStartLocal: "2024-03-09", dateStopLocal: "2024-03-11" });
    expect(derived(days, { dateStartLocal: "2024-04-01" })).toMatchObject({ dateStopLocal: "2024-04-03" });
  });

  it("clears to unscheduled", () => {
    expect(derived(day, { dateStartLocal: null, dateStopLocal: null })).toEqual(derived(null, { allday: true }));
  });

  it("keeps the local dates of a timed appointment turned all-day", () => {
    // 20:00–23:00 in Denver is already the next day in UTC and in Berlin.
    const evening = derived(null, { ...local("2024-03-20", "20:00:00"), ...localStop("2024-03-21", "01:00:00") }, denverBerlin);
    expect(derived(evening, { allday: true }, denverBerlin)).toMatchObject({
      dateStartLocal: "2024-03-20",
      dateStartOffice: "2024-03-20",
      dateStartUtc: "2024-03-20",
      dateStopLocal: "2024-03-21",
      dateStopUtc: "2024-03-21",
      timeStartLocal: null,
      timeDurationS: null,
    });
  });

  it("needs a start time to turn timed", () => {
    expectIssue(theIssue(day, { allday: false }), "timeStartLocal", [], "time_start_local is required");
  });

  it("turns timed with a start time and a duration, keeping the local day", () => {
    expect(derived(day, { allday: false, timeStartLocal: "09:00:00", timeDuration: "2:00" })).toMatchObject({
      allday: false,
      dateStartLocal: "2024-03-10",
      timeStartLocal: "09:00:00",
      timeStopLocal: "11:00:00",
      timeStartUtc: "15:00:00",
    });
  });

  it("leaves the stop open when turned timed with a start time only", () => {
    expect(derived(day, { allday: false, timeStartLocal: "09:00:00" })).toMatchObject({ timeStartLocal: "09:00:00", dateStopLocal: null, stopsAt: null });
  });

  it("keeps local dates through a zone correction and re-derives the instants", () => {
    const corrected = { timeZoneLocal: "Europe/Berlin", officeTimeZone: "UTC", previousTimeZoneLocal: "America/Denver" };
    expect(derived(day, {}, corrected)).toMatchObject({ dateStartLocal: "2024-03-10", startsAt: new Date("2024-03-09T23:00:00Z") });
  });
});
