/**
 * Values as legacy FileMaker clients send them: mostly strings from a form
 * body, sometimes JSON booleans or numbers, in US or ISO spellings. Each parser
 * accepts the spellings those clients are known to produce and nothing looser,
 * and says what it expected otherwise. An empty string is not handled here:
 * callers read it as "clear" before parsing. The date and time spellings
 * themselves are @plano/schema's (time/legacy-spellings.ts).
 */
import { type IsoDate, type IsoTime, type LegacyDateOptions, type ParseResult, instantToZoned, isIsoDate, readLegacyDate, readLegacyTime } from "@plano/schema";

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
const EXPECTED = {
  boolean: "a boolean: true/false, 1/0 or yes/no",
  integer: `a whole number from ${INT32_MIN} to ${INT32_MAX}`,
  date: (monthFirst: boolean) => (monthFirst ? "a date as MM/DD/YYYY or YYYY-MM-DD" : "a date as YYYY-MM-DD (MM/DD/YYYY only with month_first)"),
  time: "a time as HH:MM or HH:MM:SS, 24-hour or with AM/PM",
  minutes: "minutes after local midnight (0 to 1440), or a time of day such as 08:00, 8:00 AM or 08:00:00",
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

/** A real calendar date, `YYYY-MM-DD` or (with `monthFirst`) `M/D/YYYY`. */
export function parseLegacyDate(value: unknown, options: LegacyDateOptions): ParseResult<IsoDate> {
  const text = textOf(value);
  return orExpected(text === null ? null : readLegacyDate(text, options), EXPECTED.date(options.monthFirst));
}

/** A wall-clock time, 24-hour or 12-hour, normalised to `HH:MM:SS`. */
export function parseLegacyTime(value: unknown): ParseResult<IsoTime> {
  const text = textOf(value);
  return orExpected(text === null ? null : readLegacyTime(text), EXPECTED.time);
}

/**
 * Minutes after local midnight (`window_time_*`): the integer, or a time of
 * day as a FileMaker time field holds it, which must fall on a whole minute.
 */
export function parseLegacyMinutes(value: unknown): ParseResult<number> {
  const integer = parseLegacyInteger(value);
  if (integer.ok) return integer;
  const text = textOf(value);
  const time = text === null ? null : readLegacyTime(text);
  const [hours, minutes, seconds] = (time ?? "").split(":").map(Number);
  const fits = time !== null && seconds === 0;
  return orExpected(fits ? hours! * 60 + minutes! : null, EXPECTED.minutes);
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
