/**
 * Calendar dates and wall-clock times as the strings the database and the APIs
 * carry. No time zones here: these are plain proleptic-Gregorian labels.
 */

/** A calendar date written `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;
/** A wall-clock time written `HH:MM:SS` (00:00:00–23:59:59). */
export type IsoTime = string;

/** A date and time on some clock; which zone's clock is up to the holder. */
export interface WallClock {
  date: IsoDate;
  time: IsoTime;
}

/**
 * The calendar the domain works in: every date it accepts or derives, in any
 * representation (local, office, UTC), lies in years 1900–9999. Four-digit
 * years are what ISO 8601 dates, JSON instants and FileMaker carry; nothing is
 * scheduled before 1900. (PostgreSQL stores far more, so this is checked here.)
 */
export const FIRST_DATE: IsoDate = "1900-01-01";
export const LAST_DATE: IsoDate = "9999-12-31";
export const DATE_RANGE_MESSAGE = `must be a date from ${FIRST_DATE} to ${LAST_DATE}`;

/** True for an `IsoDate` inside the domain's calendar (ISO dates compare as strings). */
export function isInDateRange(date: IsoDate): boolean {
  return date.length === 10 && date >= FIRST_DATE && date <= LAST_DATE;
}

export const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{2}):(\d{2}):(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface TimeParts {
  hour: number;
  minute: number;
  second: number;
}

/**
 * Milliseconds since the epoch of a UTC wall clock. `Date.UTC` is not used
 * because it maps years 0–99 to 1900–1999.
 */
export function utcMs(date: DateParts, time: TimeParts = { hour: 0, minute: 0, second: 0 }): number {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  instant.setUTCHours(time.hour, time.minute, time.second, 0);
  return instant.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs({ year, month: month + 1, day: 0 })).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Writes parts already known to be in range. */
export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Writes parts already known to be in range. */
export function formatIsoTime({ hour, minute, second }: TimeParts): IsoTime {
  return `${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
}

function isWholeBetween(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The `IsoDate` of a calendar day, or null when no such day exists (Feb 30, year 0). */
export function isoDateOf({ year, month, day }: DateParts): IsoDate | null {
  const exists = isWholeBetween(year, 1, 9999) && isWholeBetween(month, 1, 12) && isWholeBetween(day, 1, daysInMonth(year, month));
  return exists ? formatIsoDate({ year, month, day }) : null;
}

/** The `IsoTime` of a wall-clock time, or null when it is out of range (no leap seconds). */
export function isoTimeOf({ hour, minute, second }: TimeParts): IsoTime | null {
  const inRange = isWholeBetween(hour, 0, 23) && isWholeBetween(minute, 0, 59) && isWholeBetween(second, 0, 59);
  return inRange ? formatIsoTime({ hour, minute, second }) : null;
}

function matchDate(value: unknown): DateParts | null {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDateOf(parts) === null ? null : parts;
}

function matchTime(value: unknown): TimeParts | null {
  const match = typeof value === "string" ? ISO_TIME.exec(value) : null;
  if (!match) return null;
  const parts = { hour: Number(match[1]), minute: Number(match[2]), second: Number(match[3]) };
  return isoTimeOf(parts) === null ? null : parts;
}

/** True for a `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(value: unknown): value is IsoDate {
  return matchDate(value) !== null;
}

/** True for an `HH:MM:SS` string in 00:00:00–23:59:59. */
export function isIsoTime(value: unknown): value is IsoTime {
  return matchTime(value) !== null;
}

/** The parts of an `IsoDate`; a malformed one is a programming error, hence the throw. */
export function parseIsoDate(date: IsoDate): DateParts {
  const parts = matchDate(date);
  if (!parts) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** The parts of an `IsoTime`; a malformed one is a programming error, hence the throw. */
export function parseIsoTime(time: IsoTime): TimeParts {
  const parts = matchTime(time);
  if (!parts) throw new RangeError(`Not a wall-clock time (HH:MM:SS): ${JSON.stringify(time)}`);
  return parts;
}

/** The UTC calendar date and wall-clock time of an epoch value, truncated to seconds. */
export function utcWallClock(epochMs: number): WallClock {
  const instant = new Date(epochMs);
  const year = instant.getUTCFullYear();
  if (!isWholeBetween(year, 1, 9999)) throw new RangeError(`Outside years 0001–9999: ${epochMs}`);
  return {
    date: formatIsoDate({ year, month: instant.getUTCMonth() + 1, day: instant.getUTCDate() }),
    time: formatIsoTime({ hour: instant.getUTCHours(), minute: instant.getUTCMinutes(), second: instant.getUTCSeconds() }),
  };
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return utcWallClock(utcMs(parseIsoDate(date)) + days * MS_PER_DAY).date;
}

/** Calendar days from `from` to `to`: negative when `to` comes first. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMs(parseIsoDate(to)) - utcMs(parseIsoDate(from))) / MS_PER_DAY;
}
