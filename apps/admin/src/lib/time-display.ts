/**
 * How dates, times and zones read on screen. Values come from the API already
 * converted (local/office/UTC wall clocks); this only formats them, with the
 * zone's abbreviation as Intl names it at that instant (MST vs MDT).
 */
import { isValidTimeZone } from "@plano/schema";

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

/** "MST", "EDT", "GMT+1": the zone's short name at `instant` (daylight saving aware). */
export function zoneAbbreviation(instant: string | Date | null, timeZone: string): string {
  const at = instant === null ? new Date() : new Date(instant);
  // Display only: a zone or instant Intl refuses (half-typed, out of range) shows as given, never throws.
  if (!isValidTimeZone(timeZone) || Number.isNaN(at.getTime())) return timeZone;
  let formatter = abbreviationFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    abbreviationFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

const dateFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** "Mon, Dec 7, 2026" for "2026-12-07" (a calendar date, so no zone shifts it). */
export function formatCalendarDate(isoDate: string | null): string {
  if (!isoDate) return "—";
  return dateFormatter.format(new Date(`${isoDate}T00:00:00Z`));
}

/** "09:30" for "09:30:00". */
export function formatWallTime(isoTime: string | null): string {
  return isoTime ? isoTime.slice(0, 5) : "—";
}

const instantFormatter = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An audit or notification timestamp, in UTC so server and browser render it alike. */
export function formatInstantUtc(instant: string | Date): string {
  if (Number.isNaN(new Date(instant).getTime())) return "—";
  return `${instantFormatter.format(new Date(instant))} UTC`;
}

/** "Dec 7, 2026, 09:30 MST": an instant as the clocks of `timeZone` show it. */
export function formatInstantIn(instant: string | Date, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) return formatInstantUtc(instant);
  if (Number.isNaN(new Date(instant).getTime())) return "—";
  const text = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(new Date(instant));
  return `${text} ${zoneAbbreviation(instant, timeZone)}`;
}

/** "10:00–11:30": a slot's wall-clock times in `timeZone` (UTC when the zone is not one Intl knows). */
export function formatTimeRangeIn(startsAt: string | Date, stopsAt: string | Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const start = new Date(startsAt);
  const stop = new Date(stopsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(stop.getTime())) return "—";
  return `${format.format(start)}–${format.format(stop)}`;
}
