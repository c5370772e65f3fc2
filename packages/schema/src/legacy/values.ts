/**
 * Values as legacy FileMaker clients send them: mostly strings from a form
 * body, sometimes JSON booleans or numbers, in US or ISO spellings. Each parser
 * accepts the spellings those clients are known to produce and nothing looser,
 * and says what it expected otherwise. An empty string is not handled here:
 * callers read it as "clear" before parsing.
 */
import {
  type IsoDate,
  type IsoTime,
  type ParseResult,
  instantToZoned,
  isIsoDate,
  isoDateOf,
  isoTimeOf,
  utcToInstant,
} from "../time/index";

export interface LegacyDateOptions {
  /**
   * The client's `month_first` setting: it writes dates US-style, MM/DD/YYYY.
   * ISO dates are accepted either way; slash dates only with it, since 03/04
   * is March 4 to one client and April 3 to another.
   */
  monthFirst: boolean;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["true", true],
  ["yes", true],
  ["1", true],
  ["false", false],
  ["no", false],
  ["0", false],
]);

const INTEGER = /^[+-]?\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** 24-hour, or 12-hour with AM/PM in any case, dotted or not ("2:30 p.m."). */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$/i;
/** ISO 8601 with a `T` (or, as many clients write it, a space), optional fraction and offset. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;
/** A slash date and a time, as `MM/DD/YYYY HH:MM[:SS]`. */
const US_DATE_TIME = /^(\S+)\s+(.+)$/;

const EXPECTED = {
  boolean: "a boolean: true/false, 1/0 or yes/no",
  integer: `a whole number from ${INT32_MIN} to ${INT32_MAX}`,
  date: (monthFirst: boolean) =>
    monthFirst ? "a date as MM/DD/YYYY or YYYY-MM-DD" : "a date as YYYY-MM-DD (MM/DD/YYYY only with month_first)",
  time: "a time as HH:MM or HH:MM:SS, 24-hour or with AM/PM",
  minutes: "minutes after local midnight (0 to 1440), or a time of day such as 08:00, 8:00 AM or 08:00:00",
  dateTime: (monthFirst: boolean) =>
    monthFirst
      ? "a date-time as MM/DD/YYYY HH:MM[:SS] (UTC) or ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)"
      : "a date-time as ISO 8601, YYYY-MM-DDTHH:MM:SS with Z or an offset (MM/DD/YYYY HH:MM:SS only with month_first)",
};

function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** The parsed value, or the expectation when there is none. */
function orExpected<T>(value: T | null, expected: string): ParseResult<T> {
  return value === null ? { ok: false, expected } : ok(value);
}

/** Text of a string value, trimmed; anything else reads as no text at all. */
function textOf(value: unknown): string | null {
  return typeof value === "string" ? value.trim() : null;
}

/** `true`/`false`, `yes`/`no`, `1`/`0` in any case, as JSON or as text. */
export function parseLegacyBoolean(value: unknown): ParseResult<boolean> {
  if (typeof value === "boolean") return ok(value);
  const word = typeof value === "number" ? String(value) : textOf(value)?.toLowerCase();
  return orExpected(BOOLEAN_WORDS.get(word ?? "") ?? null, EXPECTED.boolean);
}

/** A signed 32-bit whole number, as JSON or as decimal digits (no fractions, exponents or hex). */
export function parseLegacyInteger(value: unknown): ParseResult<number> {
  const text = textOf(value);
  const number = typeof value === "number" ? value : text !== null && INTEGER.test(text) ? Number(text) : Number.NaN;
  const fits = Number.isInteger(number) && number >= INT32_MIN && number <= INT32_MAX;
  // `+ 0` turns -0 into 0, which JSON would otherwise write as 0 but Object.is would not.
  return orExpected(fits ? number + 0 : null, EXPECTED.integer);
}

function readIsoDate(text: string): IsoDate | null {
  const [, year, month, day] = ISO_DATE.exec(text) ?? [];
  return isoDateOf({ year: Number(year), month: Number(month), day: Number(day) });
}

function readUsDate(text: string): IsoDate | null {
  const [, month, day, year] = US_DATE.exec(text) ?? [];
  return isoDateOf({ year: Number(year), month: Number(month), day: Number(day) });
}

function readDate(text: string, { monthFirst }: LegacyDateOptions): IsoDate | null {
  return readIsoDate(text) ?? (monthFirst ? readUsDate(text) : null);
}

/** A real calendar date, `YYYY-MM-DD` or (with `monthFirst`) `M/D/YYYY`. */
export function parseLegacyDate(value: unknown, options: LegacyDateOptions): ParseResult<IsoDate> {
  const text = textOf(value);
  return orExpected(text === null ? null : readDate(text, options), EXPECTED.date(options.monthFirst));
}

/** 12 AM is midnight and 12 PM noon; hours outside 1–12 are no 12-hour time. */
function hourOf12(hour: number, meridiem: string): number {
  if (hour < 1 || hour > 12) return Number.NaN;
  return (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
}

function readTime(text: string): IsoTime | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [, hour, minute, second, meridiem] = match;
  return isoTimeOf({
    hour: meridiem === undefined ? Number(hour) : hourOf12(Number(hour), meridiem),
    minute: Number(minute),
    second: Number(second ?? 0),
  });
}

/** A wall-clock time, 24-hour or 12-hour, normalised to `HH:MM:SS`. */
export function parseLegacyTime(value: unknown): ParseResult<IsoTime> {
  const text = textOf(value);
  return orExpected(text === null ? null : readTime(text), EXPECTED.time);
}

/**
 * Minutes after local midnight (`window_time_*`): the integer, or a time of
 * day as a FileMaker time field holds it, which must fall on a whole minute.
 */
export function parseLegacyMinutes(value: unknown): ParseResult<number> {
  const integer = parseLegacyInteger(value);
  if (integer.ok) return integer;
  const text = textOf(value);
  const time = text === null ? null : readTime(text);
  const [hours, minutes, seconds] = (time ?? "").split(":").map(Number);
  const fits = time !== null && seconds === 0;
  return orExpected(fits ? hours! * 60 + minutes! : null, EXPECTED.minutes);
}

/** Minutes east of UTC of `Z`, `±HH`, `±HHMM` or `±HH:MM`; null when out of range. */
function offsetMinutes(offset: string): number | null {
  const match = OFFSET.exec(offset);
  if (!match) return offset.toUpperCase() === "Z" ? 0 : null;
  const [, sign, hours, minutes] = match;
  const [h, m] = [Number(hours), Number(minutes ?? 0)];
  return h <= 23 && m <= 59 ? (sign === "-" ? -1 : 1) * (h * 60 + m) : null;
}

/** The fraction of a second, to the millisecond (further digits are dropped). */
function millisecondsOf(fraction: string): number {
  return Number(fraction.padEnd(3, "0").slice(0, 3));
}

function readIsoDateTime(text: string): Date | null {
  const [, dateText = "", timeText = "", fraction = "", offset = "Z"] = ISO_DATE_TIME.exec(text) ?? [];
  const date = readIsoDate(dateText);
  const time = readTime(timeText);
  const minutesEast = offsetMinutes(offset);
  if (date === null || time === null || minutesEast === null) return null;
  return new Date(utcToInstant(date, time).getTime() + millisecondsOf(fraction) - minutesEast * 60_000);
}

function readUsDateTime(text: string): Date | null {
  const [, dateText = "", timeText = ""] = US_DATE_TIME.exec(text) ?? [];
  const date = readUsDate(dateText);
  const time = readTime(timeText);
  return date === null || time === null ? null : utcToInstant(date, time);
}

/**
 * An instant: ISO 8601 (no offset means UTC), or with `monthFirst` also
 * `MM/DD/YYYY HH:MM[:SS]`, 12-hour allowed, read as UTC.
 */
export function parseLegacyDateTime(value: unknown, options: LegacyDateOptions): ParseResult<Date> {
  const text = textOf(value);
  const instant = text === null ? null : (readIsoDateTime(text) ?? (options.monthFirst ? readUsDateTime(text) : null));
  return orExpected(instant, EXPECTED.dateTime(options.monthFirst));
}

/** `MM/DD/YYYY` for a month-first client, else the ISO date unchanged. */
export function formatLegacyDate(date: IsoDate, { monthFirst }: LegacyDateOptions): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return monthFirst ? `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}` : date;
}

/** `MM/DD/YYYY HH:MM:SS` in UTC for a month-first client (seconds precision), else ISO 8601 in UTC. */
export function formatLegacyDateTime(instant: Date, options: LegacyDateOptions): string {
  if (!options.monthFirst) return instant.toISOString();
  const { date, time } = instantToZoned(instant, "UTC");
  return `${formatLegacyDate(date, options)} ${time}`;
}
