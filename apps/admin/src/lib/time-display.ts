/**
 * How dates, times and zones read on screen. Values come from the API already
 * converted (local/office/UTC wall clocks); this only formats them, with the
 * zone's abbreviation as Intl names it at that instant (MST vs MDT).
 */

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

/** "MST", "EDT", "GMT+1": the zone's short name at `instant` (daylight saving aware). */
export function zoneAbbreviation(instant: string | Date | null, timeZone: string): string {
  let formatter = abbreviationFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    abbreviationFormatters.set(timeZone, formatter);
  }
  const at = instant === null ? new Date() : new Date(instant);
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
  return `${instantFormatter.format(new Date(instant))} UTC`;
}

/** "Dec 7, 2026, 09:30 MST": an instant as the clocks of `timeZone` show it. */
export function formatInstantIn(instant: string | Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(new Date(instant));
  return `${text} ${zoneAbbreviation(instant, timeZone)}`;
}
