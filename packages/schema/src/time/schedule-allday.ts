/**
 * Derivation for all-day appointments: calendar days in the appointment's own
 * zone, the stop day inclusive. The day is the same in every representation
 * (an all-day shoot on March 10 is on March 10 for the office too), so there
 * are no times and no duration. The rules are listed on `deriveSchedule`.
 */
import { type IsoDate, addDays, daysBetween } from "./calendar";
import {
  type Boundary,
  type DateFieldName,
  type DerivedSchedule,
  type ScheduleFields,
  type ScheduleInput,
  type SchedulePatch,
  DURATION_FIELDS,
  REPRESENTATIONS,
  TIME_FIELDS,
  WALL_CLOCK_FIELDS,
  emptySchedule,
  isGiven,
  setsValue,
  spokenFields,
  writeBoundary,
} from "./schedule-fields";
import { type Outcome, type ScheduleIssue, disagreements, fail, issue, issuesOf, named, ok, stopWithoutStart } from "./schedule-outcome";
import { zonedStartOfDay } from "./zones";

/** A boundary's day after the patch; `given` when the patch spoke for it. */
interface ResolvedDay {
  given: boolean;
  date: IsoDate | null;
}

/** What one given date field says a boundary's day is; null clears it. */
interface DateStatement {
  field: DateFieldName;
  date: IsoDate | null;
}

export function deriveAllDay(input: ScheduleInput): Outcome<DerivedSchedule> {
  const refused = timedFieldsGiven(input.patch);
  const start = resolveDay("start", input);
  const stop = resolveDay("stop", input);
  if (refused.length > 0 || !start.ok || !stop.ok) return fail(...refused, ...issuesOf(start, stop));

  const stopDate = placeStopDay(start.value, stop.value, input.current);
  const disorder = dayOrderIssues(start.value, stopDate, input.patch);
  if (disorder.length > 0) return fail(...disorder);
  return ok(allDaySchedule(start.value.date, stopDate, input));
}

/** Fields an all-day appointment leaves empty, and why. */
const TIMED_ONLY = [
  { fields: TIME_FIELDS, reason: "all-day appointments carry dates only" },
  { fields: DURATION_FIELDS, reason: "all-day appointments have no duration" },
];

/** Times and durations may be given only as null. */
function timedFieldsGiven(patch: SchedulePatch): ScheduleIssue[] {
  return TIMED_ONLY.flatMap(({ fields, reason }) =>
    fields.filter((field) => setsValue(patch, field)).map((field) => issue([field], `${named(field)} must be empty: ${reason}.`)),
  );
}

/**
 * The day from the given date fields, which must agree. Without one, the
 * current local day stays: it is what an all-day record means, what a timed
 * one keeps when it turns all-day, and what a zone correction keeps.
 */
function resolveDay(boundary: Boundary, { current, patch }: ScheduleInput): Outcome<ResolvedDay> {
  const dateFields = REPRESENTATIONS.map((representation) => WALL_CLOCK_FIELDS[boundary][representation].date);
  const statements: DateStatement[] = dateFields.filter((field) => isGiven(patch, field)).map((field) => ({ field, date: patch[field] ?? null }));
  const [reference] = statements;
  if (reference === undefined) {
    return ok({ given: false, date: current?.[WALL_CLOCK_FIELDS[boundary].local.date] ?? null });
  }

  const conflicts = disagreements(statements, (a, b) => a.date === b.date, dayConflict);
  return conflicts.length > 0 ? fail(...conflicts) : ok({ given: true, date: reference.date });
}

function dayConflict(a: DateStatement, b: DateStatement): ScheduleIssue {
  const quote = ({ field, date }: DateStatement) => `${named(field)} (${date ?? "empty"})`;
  const why = "an all-day appointment has the same date in every time zone";
  return issue([a.field, b.field], `${quote(a)} and ${quote(b)} disagree: ${why}.`);
}

/**
 * The stop day: the given one, else the start moved by the current length (as
 * for timed appointments), else the current one. An all-day appointment lasts
 * at least its start day, so an open stop is the start day.
 */
function placeStopDay(start: ResolvedDay, stop: ResolvedDay, current: ScheduleFields | null): IsoDate | null {
  return stopDayKeepingLength(start, stop, current) ?? stop.date ?? start.date;
}

function stopDayKeepingLength(start: ResolvedDay, stop: ResolvedDay, current: ScheduleFields | null): IsoDate | null {
  const length = currentLengthInDays(current);
  if (stop.given || !start.given || start.date === null || length === null) return null;
  return addDays(start.date, length);
}

function currentLengthInDays(current: ScheduleFields | null): number | null {
  const from = current?.dateStartLocal ?? null;
  const to = current?.dateStopLocal ?? null;
  return from === null || to === null ? null : daysBetween(from, to);
}

function dayOrderIssues(start: ResolvedDay, stopDate: IsoDate | null, patch: SchedulePatch): ScheduleIssue[] {
  if (stopDate === null) return [];
  if (start.date === null) return [stopWithoutStart(start.given, patch)];
  if (stopDate >= start.date) return [];
  const stopField = spokenFields("stop", patch).date;
  const startField = spokenFields("start", patch).date;
  const message = `${named(stopField)} (${stopDate}) is before ${named(startField)} (${start.date}).`;
  return [issue([stopField, startField], message)];
}

/** Starts at the first instant of the start day and stops at the first instant of the day after the stop day. */
function allDaySchedule(startDate: IsoDate | null, stopDate: IsoDate | null, { zones }: ScheduleInput): DerivedSchedule {
  const schedule = emptySchedule(true);
  writeBoundary(schedule, "start", () => (startDate === null ? null : { date: startDate, time: null }));
  writeBoundary(schedule, "stop", () => (stopDate === null ? null : { date: stopDate, time: null }));
  return {
    ...schedule,
    startsAt: startDate === null ? null : zonedStartOfDay(startDate, zones.timeZoneLocal),
    stopsAt: stopDate === null ? null : zonedStartOfDay(addDays(stopDate, 1), zones.timeZoneLocal),
  };
}
