/**
 * Derivation for timed appointments: the start and the stop are instants, each
 * written as three wall clocks (local, office, UTC), and the duration is the
 * time between them. The rules are listed on `deriveSchedule`.
 */
import type { IsoDate, IsoTime } from "./calendar";
import { formatDuration, parseDuration } from "./duration";
import {
  type Boundary,
  type DerivedSchedule,
  type Representation,
  type ScheduleInput,
  type SchedulePatch,
  type ScheduleZones,
  DURATION_FIELDS,
  WALL_CLOCK_FIELDS,
  emptySchedule,
  givenRepresentations,
  isGiven,
  isZoneCorrection,
  patchedValue,
  setsValue,
  spokenFields,
  writeBoundary,
  zoneOf,
} from "./schedule-fields";
import { type Outcome, type ScheduleIssue, all, disagreements, fail, issue, issuesOf, named, ok, stopWithoutStart } from "./schedule-outcome";
import { instantToZoned, zonedToInstant } from "./zones";

/** A boundary after the patch; `given` when the patch spoke for it. */
interface ResolvedBoundary {
  given: boolean;
  instant: Date | null;
}

/** What one given representation says a boundary is; a null instant clears it. */
interface Reading {
  representation: Representation;
  wallClock: { date: IsoDate; time: IsoTime } | null;
  instant: Date | null;
}

/** A duration the patch gives, in one of its two fields. */
interface StatedDuration {
  field: (typeof DURATION_FIELDS)[number];
  seconds: number | null;
  /**
   * The resolution it is stated to: `time_duration` is a display form
   * truncated to the minute, so "1:30" agrees with any of 5400–5459 seconds.
   */
  resolutionS: 1 | 60;
}

export function deriveTimed(input: ScheduleInput): Outcome<DerivedSchedule> {
  const start = resolveBoundary("start", input);
  const stop = resolveBoundary("stop", input);
  const duration = resolveDuration(input.patch);
  if (!start.ok || !stop.ok || !duration.ok) return fail(...issuesOf(start, stop, duration));

  const stopInstant = placeStop(start.value, stop.value, duration.value, input);
  if (!stopInstant.ok) return stopInstant;
  return ok(timedSchedule(start.value.instant, stopInstant.value, input));
}

function resolveBoundary(boundary: Boundary, input: ScheduleInput): Outcome<ResolvedBoundary> {
  const given = givenRepresentations(boundary, input.patch);
  if (given.length === 0) return currentBoundary(boundary, input);

  const readings = all(given.map((representation) => readRepresentation(boundary, representation, input)));
  if (!readings.ok) return readings;
  const contradictions = disagreements(readings.value, sameInstant, (a, b) => contradiction(boundary, a, b, input));
  if (contradictions.length > 0) return fail(...contradictions);
  return ok({ given: true, instant: readings.value[0]?.instant ?? null });
}

function readRepresentation(boundary: Boundary, representation: Representation, input: ScheduleInput): Outcome<Reading> {
  const fields = WALL_CLOCK_FIELDS[boundary][representation];
  const date = patchedValue(fields.date, input);
  const time = patchedValue(fields.time, input);
  // A null date clears the boundary, unless the patch gives a time, which would then be lost.
  if (date === null && !setsValue(input.patch, fields.time)) {
    return ok({ representation, wallClock: null, instant: null });
  }
  if (date === null || time === null) {
    const [missing, present] = date === null ? [fields.date, fields.time] : [fields.time, fields.date];
    const why = `a timed appointment needs both ${named(fields.date)} and ${named(fields.time)}`;
    return fail(issue([missing, present], `${named(missing)} is missing: ${why}.`));
  }
  const instant = wallClockInstant(boundary, representation, { date, time }, input);
  return instant.ok ? ok({ representation, wallClock: { date, time }, instant: instant.value }) : instant;
}

/**
 * The boundary the patch leaves alone. Normally that is the stored instant,
 * read from the UTC fields, which no zone change can invalidate. When the local
 * zone is corrected, the stored local wall clock is the truth instead.
 */
function currentBoundary(boundary: Boundary, input: ScheduleInput): Outcome<ResolvedBoundary> {
  const representation = isZoneCorrection(input.zones) ? "local" : "utc";
  const fields = WALL_CLOCK_FIELDS[boundary][representation];
  const date = input.current?.[fields.date] ?? null;
  const time = input.current?.[fields.time] ?? null;
  if (date === null) return ok({ given: false, instant: null });
  // Only an all-day record has a date without a time. Turned timed, it needs a
  // start time; its stop day has no time to keep, so the stop is left open.
  if (time === null && boundary === "stop") return ok({ given: false, instant: null });
  if (time === null) {
    const { time: startTime } = WALL_CLOCK_FIELDS.start.local;
    return fail(issue([startTime], `${named(startTime)} is required: a timed appointment needs a start time.`));
  }
  const instant = wallClockInstant(boundary, representation, { date, time }, input);
  return instant.ok ? ok({ given: false, instant: instant.value }) : instant;
}

function wallClockInstant(
  boundary: Boundary,
  representation: Representation,
  { date, time }: { date: IsoDate; time: IsoTime },
  { zones }: ScheduleInput,
): Outcome<Date> {
  const zone = zoneOf(representation, zones);
  const instant = zonedToInstant(date, time, zone);
  if (instant.ok) return ok(instant.value);
  const fields = WALL_CLOCK_FIELDS[boundary][representation];
  const message = `${named(fields.time)} ${time} does not exist on ${date} in ${zone}: the clocks skip that time.`;
  return fail(issue([fields.time, fields.date], message));
}

function sameInstant(a: Reading, b: Reading): boolean {
  return a.instant?.getTime() === b.instant?.getTime();
}

function contradiction(boundary: Boundary, a: Reading, b: Reading, { zones }: ScheduleInput): ScheduleIssue {
  const [first, second] = [describeReading(boundary, a, zones), describeReading(boundary, b, zones)];
  const conflict = a.instant === null || b.instant === null ? `one clears the ${boundary}, the other sets it` : "they describe different instants";
  const message = `${first.text} and ${second.text} disagree: ${conflict}.`;
  return issue([first.lead, first.other, second.lead, second.other], message);
}

/** A reading as a message quotes it, led by the field that carries its point (the date when it clears). */
function describeReading(boundary: Boundary, { representation, wallClock }: Reading, zones: ScheduleZones) {
  const { date, time } = WALL_CLOCK_FIELDS[boundary][representation];
  if (wallClock === null) return { lead: date, other: time, text: `${named(date)} (empty)` };
  const quoted = `${wallClock.date} ${wallClock.time} ${zoneOf(representation, zones)}`;
  return { lead: time, other: date, text: `${named(time)} (${quoted})` };
}

/** The duration the patch gives, or null; when both fields are given they must agree. */
function resolveDuration(patch: SchedulePatch): Outcome<StatedDuration | null> {
  const stated = all(DURATION_FIELDS.filter((field) => isGiven(patch, field)).map((field) => readDuration(field, patch)));
  if (!stated.ok) return stated;
  const conflicts = disagreements(stated.value, (a, b) => durationsAgree(a.seconds, b), durationConflict);
  // Whole seconds are the more precise statement, and come first.
  return conflicts.length > 0 ? fail(...conflicts) : ok(stated.value[0] ?? null);
}

function readDuration(field: StatedDuration["field"], patch: SchedulePatch): Outcome<StatedDuration> {
  return field === "timeDuration" ? readDurationText(patch.timeDuration ?? null) : readDurationSeconds(patch.timeDurationS ?? null);
}

function readDurationText(text: string | null): Outcome<StatedDuration> {
  const field = "timeDuration";
  const parsed = text === null ? null : parseDuration(text);
  if (parsed?.ok === false) return fail(issue([field], `${named(field)} must be ${parsed.expected}.`));
  return ok({ field, seconds: parsed?.value ?? null, resolutionS: 60 });
}

function readDurationSeconds(seconds: number | null): Outcome<StatedDuration> {
  const field = "timeDurationS";
  if (seconds !== null && !Number.isSafeInteger(seconds)) {
    return fail(issue([field], `${named(field)} must be a whole number of seconds.`));
  }
  if (seconds !== null && seconds < 0) return fail(issue([field], `${named(field)} cannot be negative.`));
  return ok({ field, seconds, resolutionS: 1 });
}

/** Whether `seconds` (null: no duration) is what `stated` says, to its resolution. */
function durationsAgree(seconds: number | null, stated: StatedDuration): boolean {
  if (seconds === null || stated.seconds === null) return seconds === stated.seconds;
  return Math.floor(seconds / stated.resolutionS) === Math.floor(stated.seconds / stated.resolutionS);
}

/** As the caller wrote it: seconds as a number, the display form as H:MM. */
function describeDuration({ field, seconds }: StatedDuration): string {
  if (seconds === null) return `${named(field)} (empty)`;
  return `${named(field)} (${field === "timeDuration" ? formatDuration(seconds) : seconds})`;
}

function durationConflict(a: StatedDuration, b: StatedDuration): ScheduleIssue {
  return issue([a.field, b.field], `${describeDuration(a)} and ${describeDuration(b)} disagree.`);
}

/** The stop, checked against the start and any given duration. */
function placeStop(start: ResolvedBoundary, stop: ResolvedBoundary, duration: StatedDuration | null, input: ScheduleInput): Outcome<Date | null> {
  const stopInstant = stopByRule(start, stop, duration, input);
  if (!stopInstant.ok) return stopInstant;
  const disorder = orderIssues(start, stopInstant.value, input);
  if (disorder.length > 0) return fail(...disorder);
  if (stop.given && duration !== null) {
    const implied = impliedDuration(start.instant, stopInstant.value);
    if (!durationsAgree(implied, duration)) return fail(stopDurationConflict(implied, duration, input.patch));
  }
  return stopInstant;
}

/** The stop by the first rule that applies: given, from a given duration, kept length, unchanged. */
function stopByRule(start: ResolvedBoundary, stop: ResolvedBoundary, duration: StatedDuration | null, { current, patch }: ScheduleInput): Outcome<Date | null> {
  if (stop.given) return ok(stop.instant);
  if (duration !== null) return stopAfter(start.instant, duration, patch);
  // Moving an appointment keeps its length.
  const currentLength = current?.timeDurationS ?? null;
  if (start.given && start.instant !== null && currentLength !== null) return ok(addSeconds(start.instant, currentLength));
  return ok(stop.instant);
}

function stopAfter(start: Date | null, duration: StatedDuration, patch: SchedulePatch): Outcome<Date | null> {
  // Clearing the duration clears the stop it measures out.
  if (duration.seconds === null) return ok(null);
  if (start === null) {
    const startFields = spokenFields("start", patch);
    return fail(
      issue([duration.field, startFields.date, startFields.time], `${named(duration.field)} needs a start to measure from, and the appointment has none.`),
    );
  }
  return ok(addSeconds(start, duration.seconds));
}

function orderIssues(start: ResolvedBoundary, stop: Date | null, { patch, zones }: ScheduleInput): ScheduleIssue[] {
  if (stop === null) return [];
  if (start.instant === null) return [stopWithoutStart(start.given, patch)];
  if (stop >= start.instant) return [];
  const startFields = spokenFields("start", patch);
  const stopFields = spokenFields("stop", patch);
  const local = (instant: Date) => {
    const { date, time } = instantToZoned(instant, zones.timeZoneLocal);
    return `${date} ${time} ${zones.timeZoneLocal}`;
  };
  return [
    issue(
      [stopFields.time, stopFields.date, startFields.time, startFields.date],
      `${named(stopFields.time)} puts the stop (${local(stop)}) before the start (${local(start.instant)}).`,
    ),
  ];
}

/** Seconds from start to stop, or null when either is open. */
function impliedDuration(start: Date | null, stop: Date | null): number | null {
  return start === null || stop === null ? null : (stop.getTime() - start.getTime()) / 1000;
}

function stopDurationConflict(implied: number | null, duration: StatedDuration, patch: SchedulePatch): ScheduleIssue {
  const stopFields = spokenFields("stop", patch);
  const stopSays = implied === null ? "clears the stop" : `puts the stop ${formatDuration(implied)} after the start`;
  return issue([stopFields.time, stopFields.date, duration.field], `${named(stopFields.time)} ${stopSays}, but ${describeDuration(duration)} says otherwise.`);
}

function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}

function timedSchedule(start: Date | null, stop: Date | null, { zones }: ScheduleInput): DerivedSchedule {
  const schedule = emptySchedule(false);
  for (const [boundary, instant] of [
    ["start", start],
    ["stop", stop],
  ] as const) {
    writeBoundary(schedule, boundary, (representation) => instant && instantToZoned(instant, zoneOf(representation, zones)));
  }
  const seconds = impliedDuration(start, stop);
  return {
    ...schedule,
    timeDurationS: seconds,
    timeDuration: seconds === null ? null : formatDuration(seconds),
    startsAt: start,
    stopsAt: stop,
  };
}
