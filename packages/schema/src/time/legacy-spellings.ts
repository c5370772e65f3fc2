/**
 * Spellings of dates, times and instants as FileMaker-era clients write them
 * (ISO, or US month-first with 12-hour times). The readers are shared: the
 * REST adapter's value parsers (packages/legacy-rest) build on them, and the
 * domain's version rule reads `updated_at_mt` with `parseLegacyDateTime`
 * whichever door it came through, which is why these stay in the contract.
 */
import { type IsoDate, type IsoTime, isoDateOf, isoTimeOf } from "./calendar";
import type { ParseResult } from "./result";
import { utcToInstant } from "./zones";

export interface LegacyDateOptions {
  /**
   * The client's `month_first` setting: it writes dates US-style, MM/DD/YYYY.
   * ISO dates are accepted either way; slash dates only with it, since 03/04
   * is March 4 to one client and April 3 to another.
   */
  monthFirst: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** 24-hour, or 12-hour with AM/PM in any case, dotted or not ("2:30 p.m."). */
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$/i;
/** ISO 8601 with a `T` (or, as many clients write it, a space), optional fraction and offset. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;
/** A slash date and a time, as `MM/DD/YYYY HH:MM[:SS]`. */
const US_DATE_TIME = /^(\S+)\s+(.+)$/;

function readIsoDate(text: string): IsoDate | null {
  const [, year, month, day] = ISO_DATE.exec(text) ?? [];
  return isoDateOf({ year: Number(year), month: Number(month), day: Number(day) });
}

function readUsDate(text: string): IsoDate | null {
  const [, month, day, year] = US_DATE.exec(text) ?? [];
  return isoDateOf({ year: Number(year), month: Number(month), day: Number(day) });
}

/** A real calendar date, `YYYY-MM-DD` or (with `monthFirst`) `M/D/YYYY`; null otherwise. */
export function readLegacyDate(text: string, { monthFirst }: LegacyDateOptions): IsoDate | null {
  return readIsoDate(text) ?? (monthFirst ? readUsDate(text) : null);
}

/** 12 AM is midnight and 12 PM noon; hours outside 1–12 are no 12-hour time. */
function hourOf12(hour: number, meridiem: string): number {
  if (hour < 1 || hour > 12) return Number.NaN;
  return (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
}

/** A wall-clock time, 24-hour or 12-hour, as `HH:MM:SS`; null otherwise. */
export function readLegacyTime(text: string): IsoTime | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [, hour, minute, second, meridiem] = match;
  return isoTimeOf({
    hour: meridiem === undefined ? Number(hour) : hourOf12(Number(hour), meridiem),
    minute: Number(minute),
    second: Number(second ?? 0),
  });
}

/** What `parseLegacyDateTime` expected, completing "expected …". */
export const expectedDateTime = (monthFirst: boolean): string =>
  monthFirst
    ? "a date-time as MM/DD/YYYY HH:MM[:SS] (UTC) or ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)"
    : "a date-time as ISO 8601, YYYY-MM-DDTHH:MM:SS with Z or an offset (MM/DD/YYYY HH:MM:SS only with month_first)";

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
  const time = readLegacyTime(timeText);
  const minutesEast = offsetMinutes(offset);
  if (date === null || time === null || minutesEast === null) return null;
  return new Date(utcToInstant(date, time).getTime() + millisecondsOf(fraction) - minutesEast * 60_000);
}

function readUsDateTime(text: string): Date | null {
  const [, dateText = "", timeText = ""] = US_DATE_TIME.exec(text) ?? [];
  const date = readUsDate(dateText);
  const time = readLegacyTime(timeText);
  return date === null || time === null ? null : utcToInstant(date, time);
}

/**
 * An instant: ISO 8601 (no offset means UTC), or with `monthFirst` also
 * `MM/DD/YYYY HH:MM[:SS]`, 12-hour allowed, read as UTC.
 */
export function parseLegacyDateTime(value: unknown, options: LegacyDateOptions): ParseResult<Date> {
  const text = typeof value === "string" ? value.trim() : null;
  const instant = text === null ? null : (readIsoDateTime(text) ?? (options.monthFirst ? readUsDateTime(text) : null));
  return instant === null ? { ok: false, expected: expectedDateTime(options.monthFirst) } : { ok: true, value: instant };
}
