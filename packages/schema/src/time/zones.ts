/**
 * Conversions between instants and wall clocks of IANA zones, with the zone
 * rules of the runtime's `Intl` (ICU) data: no date library, no offset tables.
 */
import {
  type DateParts,
  type IsoDate,
  type IsoTime,
  type TimeParts,
  type WallClock,
  SECONDS_PER_DAY,
  formatIsoDate,
  formatIsoTime,
  parseIsoDate,
  parseIsoTime,
  utcMs,
} from "./calendar";

const MS_PER_DAY = SECONDS_PER_DAY * 1000;

/** A wall time that the zone's clocks skip (spring forward), so no instant shows it. */
export interface NonexistentLocalTime {
  kind: "nonexistent-local-time";
  timeZone: string;
  date: IsoDate;
  time: IsoTime;
}

export type ZonedInstantResult = { ok: true; value: Date } | { ok: false; error: NonexistentLocalTime };

/** Building a formatter is far costlier than using one, and a process sees few zones. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a zone the runtime does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23 so that midnight reads 00: some ICU versions write it as 24 under hour12: false.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone name (or an alias of one). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at an instant as the formatter reads it: the reference every cached reading must equal. */
export function zonedPartsUncached(epochMs: number, timeZone: string): { date: DateParts; time: TimeParts } {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    date: { year: read("year"), month: read("month"), day: read("day") },
    time: { hour: read("hour"), minute: read("minute"), second: read("second") },
  };
}

/**
 * Offsets per zone and UTC day, or null for a day on which the offset changes.
 * formatToParts was the hottest function of a write (bench/, issue 13): a zone
 * keeps one offset for all but a couple of days a year, so a day's offset is
 * read once (at its first and last second) and every other instant of it is
 * plain arithmetic. This assumes no zone changes its offset and back within
 * one day, weaker than the two-day assumption of `instantsShowing` below.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();
/** Days kept per zone before its cache starts over (a process sees few zones and few days). */
const DAYS_KEPT = 4096;
/** Only years the API stores are cached; other instants read the formatter, exactly as before. */
const CACHED_FROM_MS = Date.UTC(1900, 0, 1);
const CACHED_UNTIL_MS = Date.UTC(9999, 0, 1);

function offsetFromParts(epochMs: number, timeZone: string): number {
  const { date, time } = zonedPartsUncached(epochMs, timeZone);
  return utcMs(date, time) - Math.floor(epochMs / 1000) * 1000;
}

function dayOffset(timeZone: string, day: number): number | null {
  let zone = dayOffsets.get(timeZone);
  if (zone === undefined) {
    formatterFor(timeZone); // an unknown zone throws here, as uncached
    zone = new Map();
    dayOffsets.set(timeZone, zone);
  }
  let offset = zone.get(day);
  if (offset === undefined) {
    const start = day * MS_PER_DAY;
    const first = offsetFromParts(start, timeZone);
    offset = first === offsetFromParts(start + MS_PER_DAY - 1000, timeZone) ? first : null;
    if (zone.size >= DAYS_KEPT) zone.clear();
    zone.set(day, offset);
  }
  return offset;
}

/** The zone's wall clock at an instant, truncated to the second: from the day's cached offset where there is one. */
export function zonedParts(epochMs: number, timeZone: string): { date: DateParts; time: TimeParts } {
  if (epochMs >= CACHED_FROM_MS && epochMs < CACHED_UNTIL_MS) {
    const offset = dayOffset(timeZone, Math.floor(epochMs / MS_PER_DAY));
    if (offset !== null) {
      const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offset);
      return {
        date: { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() },
        time: { hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() },
      };
    }
  }
  return zonedPartsUncached(epochMs, timeZone);
}

/** How far `timeZone`'s clocks run ahead of UTC at an instant, in ms (negative west of Greenwich). */
function offsetMsAt(epochMs: number, timeZone: string): number {
  const { date, time } = zonedParts(epochMs, timeZone);
  return utcMs(date, time) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Every instant at which `timeZone`'s clocks show the wall time `wallMs` (that
 * wall time written as if it were UTC), earliest first: one normally, two in a
 * fall-back overlap, none in a spring-forward gap. Offsets are sampled a day
 * either side, as Temporal does, which assumes no zone changes its offset twice
 * within two days.
 */
function instantsShowing(wallMs: number, timeZone: string): number[] {
  const offsets = new Set([offsetMsAt(wallMs - MS_PER_DAY, timeZone), offsetMsAt(wallMs + MS_PER_DAY, timeZone)]);
  return [...offsets]
    .map((offset) => wallMs - offset)
    .filter((candidate) => offsetMsAt(candidate, timeZone) === wallMs - candidate)
    .sort((a, b) => a - b);
}

/** The wall clock `timeZone` shows at `instant`, truncated to the second. */
export function instantToZoned(instant: Date, timeZone: string): WallClock {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError("Invalid Date");
  const { date, time } = zonedParts(epochMs, timeZone);
  return { date: formatIsoDate(date), time: formatIsoTime(time) };
}

/**
 * The instant at which `timeZone`'s clocks show `date` `time`.
 *
 * - A wall time in a spring-forward gap never shows: the result is an error,
 *   because silently shifting an appointment by an hour is worse than asking.
 * - A wall time in a fall-back overlap shows twice: the EARLIER instant (the
 *   one still on summer time) wins, as in Temporal's "earlier" disambiguation.
 *
 * Malformed `date`/`time` or an unknown zone throw a RangeError: callers
 * validate those first (`isIsoDate`, `isIsoTime`, `isValidTimeZone`).
 */
export function zonedToInstant(date: IsoDate, time: IsoTime, timeZone: string): ZonedInstantResult {
  const [earliest] = instantsShowing(utcMs(parseIsoDate(date), parseIsoTime(time)), timeZone);
  if (earliest === undefined) return { ok: false, error: { kind: "nonexistent-local-time", timeZone, date, time } };
  return { ok: true, value: new Date(earliest) };
}

/** The instant at which UTC clocks show `date` `time`: never skipped, never repeated. */
export function utcToInstant(date: IsoDate, time: IsoTime): Date {
  return new Date(utcMs(parseIsoDate(date), parseIsoTime(time)));
}

/**
 * The first instant of `date` in `timeZone`: its midnight, or, in zones that
 * spring forward at midnight (America/Santiago, America/Havana), the moment
 * the clocks jump to, since that day has no midnight.
 */
export function zonedStartOfDay(date: IsoDate, timeZone: string): Date {
  const midnightMs = utcMs(parseIsoDate(date));
  const [earliest] = instantsShowing(midnightMs, timeZone);
  // In the gap, reading midnight with the offset from before the jump lands exactly on the jump.
  return new Date(earliest ?? midnightMs - offsetMsAt(midnightMs - MS_PER_DAY, timeZone));
}
