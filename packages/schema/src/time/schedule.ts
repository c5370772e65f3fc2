/**
 * THE domain rule for an appointment's times. The API server runs it on every
 * write and the browser form runs it as the user types, so both always agree
 * on what a patch means and on what is wrong with it.
 */
import { DATE_RANGE_MESSAGE, isInDateRange, isIsoDate, isIsoTime } from "./calendar";
import { deriveAllDay } from "./schedule-allday";
import {
  type DerivedSchedule,
  type ScheduleFieldName,
  type ScheduleFields,
  type SchedulePatch,
  type ScheduleZones,
  DATE_FIELDS,
  TIME_FIELDS,
  setsValue,
} from "./schedule-fields";
import { type Outcome, type ScheduleIssue, fail, issue, named, ok } from "./schedule-outcome";
import { deriveTimed } from "./schedule-timed";
import { isValidTimeZone } from "./zones";

export type DeriveScheduleResult = Outcome<DerivedSchedule>;

/**
 * The schedule after `patch` is applied to `current` (null when creating):
 * every representation re-derived, or the issues that prevent it.
 *
 * Timed appointments (a boundary is the start or the stop; a representation is
 * local, office or UTC, each a date field and a time field):
 * - A representation is given when the patch has its date or its time; the
 *   other half comes from `current`. Given representations must name the same
 *   instant; that instant rewrites all six fields of the boundary. A null date
 *   (and no time) clears the boundary.
 * - An ungiven boundary keeps its instant, except under a zone correction
 *   (`zones.previousTimeZoneLocal`), which keeps its local wall clock instead.
 * - The stop is the given one (a given duration must agree with it); else
 *   start + a given duration; else, when the start was given, start + the
 *   current duration (moving keeps the length); else the current stop.
 * - The stop cannot precede the start, nor exist without one. The duration is
 *   stop − start.
 * - A wall time skipped by a spring-forward change is an issue; one repeated
 *   by a fall-back change means its earlier instant.
 *
 * All-day appointments carry dates only, the same in every representation:
 * given date fields must agree, times and durations must be null, and the stop
 * day (inclusive) defaults to the start day. `startsAt`/`stopsAt` are the local
 * midnights starting the start day and ending the stop day.
 *
 * Unknown zones throw a RangeError: they are validated where they are set
 * (`isValidTimeZone`), not typed into a schedule.
 */
export function deriveSchedule(current: ScheduleFields | null, patch: SchedulePatch, zones: ScheduleZones): DeriveScheduleResult {
  assertKnownZones(zones);
  const malformed = malformedFields(patch);
  if (malformed.length > 0) return fail(...malformed);
  const input = { current, patch, zones };
  const derived = (patch.allday ?? current?.allday ?? false) ? deriveAllDay(input) : deriveTimed(input);
  return derived.ok ? withinCalendar(derived.value, patch) : derived;
}

/**
 * Every derived date inside the domain's calendar (years 1900–9999): a start
 * late on 9999-12-31 in a western zone, or a long duration, would otherwise
 * derive a UTC or stop date in year 10000 that no API can write back.
 */
function withinCalendar(schedule: DerivedSchedule, patch: SchedulePatch): DeriveScheduleResult {
  const outside = DATE_FIELDS.filter((field) => schedule[field] !== null && !isInDateRange(schedule[field]!));
  if (outside.length === 0) return ok(schedule);
  const given = (Object.keys(patch) as ScheduleFieldName[]).filter((field) => field !== "allday" && patch[field] !== undefined);
  return fail(
    ...outside.map((field) =>
      issue(
        [field, ...given],
        `${named(field)} would be ${schedule[field]}, and ${named(field)} ${DATE_RANGE_MESSAGE}` +
          (given.length > 0 ? ` (set from ${given.map(named).join(", ")}).` : "."),
      ),
    ),
  );
}

function assertKnownZones({ timeZoneLocal, officeTimeZone }: ScheduleZones): void {
  for (const zone of [timeZoneLocal, officeTimeZone]) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(zone)}`);
  }
}

/** The shape each wall-clock field must have. (Durations are read by the rules that use them.) */
const SHAPES = [
  { fields: DATE_FIELDS, fits: isIsoDate, shape: "a calendar date written YYYY-MM-DD" },
  { fields: TIME_FIELDS, fits: isIsoTime, shape: "a time written HH:MM:SS" },
];

/** Dates and times in a shape no rule can read, such as a time still being typed. */
function malformedFields(patch: SchedulePatch): ScheduleIssue[] {
  return SHAPES.flatMap(({ fields, fits, shape }) =>
    fields.filter((field) => setsValue(patch, field) && !fits(patch[field])).map((field) => issue([field], `${named(field)} must be ${shape}.`)),
  );
}
