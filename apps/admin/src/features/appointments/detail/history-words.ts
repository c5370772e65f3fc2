/**
 * An audit entry as a sentence a scheduler reads: what happened (moved,
 * reassigned, confirmed, cancelled, changed), by whom, through which door,
 * with instants in the appointment's zone (and UTC beside it).
 */
import { type AppointmentChangeEntry, isValidTimeZone, wallClockFields, wallClockOf } from "@plano/schema";
import { fieldLabels } from "../edit/field-labels";

/** The doors as people name them: the legacy REST API is FileMaker's. */
const via: Record<string, (application: string | null) => string> = {
  rest: () => "FileMaker",
  admin: () => "the admin",
  trpc: (application) => (application ? `the ${application} service` : "the API"),
  cli: () => "the command line",
};

/** "Berlin" for Europe/Berlin, "New York" for America/New_York. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

function parts(instant: string, timeZone: string) {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const list = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => list.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("weekday")} ${get("day")} ${get("month")}`, year: get("year"), time: `${get("hour")}:${get("minute")}` };
}

/** "Tue 3 Nov 15:45". */
export function dayAndTime(instant: string, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.date} ${p.time}`;
}

/** "from Tue 3 Nov 15:45 to 17:15" (the date again only when it changes). */
function fromTo(before: string, after: string, timeZone: string): string {
  const a = parts(before, timeZone);
  const b = parts(after, timeZone);
  return `from ${a.date} ${a.time} to ${a.date === b.date && a.year === b.year ? "" : `${b.date} `}${b.time}`;
}

type NameOf = (id: unknown) => string | null;

export function shownValue(field: string, value: unknown, timeZone: string, nameOf: NameOf): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if ((field === "startsAt" || field === "stopsAt" || field === "confirmedAt") && typeof value === "string") {
    return `${dayAndTime(value, timeZone)} (${zoneCity(timeZone)}) · ${dayAndTime(value, "UTC")} UTC`;
  }
  if (field === "photographerUserId") return nameOf(value) ?? String(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

const isInstant = (value: unknown): value is string => typeof value === "string" && !Number.isNaN(Date.parse(value));
/** Derived representations and bookkeeping: part of a move or a status, not news of their own. */
const quietFields = new Set([
  "startsAt",
  "stopsAt",
  "timeDuration",
  "timeDurationS",
  "photographerName",
  "confirmedAt",
  "confirmedBy",
  "updatedBy",
  "sameDayCancel",
]);
const quiet = { test: (field: string) => wallClockOf(field) !== undefined || quietFields.has(field) };

/** The start as wall clocks: the record's current values where the entry did not change them. */
export interface CurrentStart {
  dateStartLocal: string | null;
  timeStartLocal: string | null;
  dateStartUtc: string | null;
  timeStartUtc: string | null;
}

type Changes = Record<string, { before: unknown; after: unknown }>;

/** A wall-clock move as instants-in-UTC-notation, so `fromTo(…, "UTC")` prints the clock as is. */
function wallClockMove(changes: Changes, current: CurrentStart | undefined, kind: "local" | "utc"): { before: string; after: string } | null {
  const { date: dateKey, time: timeKey } = wallClockFields.start[kind];
  if (!changes[dateKey] && !changes[timeKey]) return null;
  const side = (which: "before" | "after") => {
    const date = (changes[dateKey]?.[which] ?? current?.[dateKey as keyof CurrentStart]) as string | null | undefined;
    const time = (changes[timeKey]?.[which] ?? current?.[timeKey as keyof CurrentStart]) as string | null | undefined;
    if (!date || !time) return null;
    const at = `${date}T${time.length === 5 ? `${time}:00` : time}Z`;
    return Number.isNaN(Date.parse(at)) ? null : at;
  };
  const before = side("before");
  const after = side("after");
  return before && after ? { before, after } : null;
}

export function describeChange(
  entry: AppointmentChangeEntry,
  timeZone: string,
  nameOf: NameOf,
  current?: CurrentStart,
): { sentence: string; utc: string | null } {
  const changes = entry.changes as Record<string, { before: unknown; after: unknown }>;
  const who = `by ${entry.actor}, via ${(via[entry.channel] ?? (() => entry.channel))(entry.application)}`;
  const city = zoneCity(timeZone);
  const facts: string[] = [];
  let utc: string | null = null;

  if (entry.action === "create") return { sentence: `Created ${who}`, utc: null };
  if (entry.action === "confirm") facts.push("Confirmed");
  if (entry.action === "cancel" || changes.cancelled?.after === true) {
    const reason = changes.cancelReason?.after;
    facts.push(`Cancelled${typeof reason === "string" && reason ? ` (“${reason}”)` : ""}`);
  } else if (changes.confirmed?.after === true && entry.action !== "confirm") facts.push("Confirmed");
  if (changes.cancelled?.after === false) facts.push("Reinstated");

  const start = changes.startsAt;
  const stop = changes.stopsAt;
  const local = wallClockMove(changes, current, "local");
  const utcMove = wallClockMove(changes, current, "utc");
  if (!(start && isInstant(start.before)) && local) {
    // The audit keeps the wall clocks (not the instants): they read as they were typed.
    facts.push(`Moved ${fromTo(local.before, local.after, "UTC")} (${city})`);
    if (utcMove) utc = `UTC: ${fromTo(utcMove.before, utcMove.after, "UTC").replace(/^from /, "")}`;
  } else if (start && isInstant(start.before) && isInstant(start.after)) {
    facts.push(`Moved ${fromTo(start.before, start.after, timeZone)} (${city})`);
    utc = `UTC: ${fromTo(start.before, start.after, "UTC").replace(/^from /, "")}`;
  } else if (start && isInstant(start.after)) {
    facts.push(`Scheduled for ${dayAndTime(start.after, timeZone)} (${city})`);
    utc = `UTC: ${dayAndTime(start.after, "UTC")}`;
  }
  if (stop && isInstant(stop.before) && isInstant(stop.after) && !(start && isInstant(start.before)) && !local) {
    facts.push(`End changed ${fromTo(stop.before, stop.after, timeZone)} (${city})`);
  }

  const photographer = changes.photographerUserId;
  if (photographer) {
    const before = nameOf(photographer.before) ?? (changes.photographerName?.before as string | null) ?? "nobody";
    const after = (changes.photographerName?.after as string | null) ?? nameOf(photographer.after);
    facts.push(after ? `Reassigned from ${before} to ${after}` : `Unassigned (was ${before})`);
  }

  const others = Object.keys(changes).filter(
    (field) => !quiet.test(field) && !["cancelled", "cancelReason", "confirmed", "photographerUserId"].includes(field),
  );
  if (others.length > 0) facts.push(`Changed ${others.map((f) => (fieldLabels[f as keyof typeof fieldLabels] ?? f).toLowerCase()).join(", ")}`);
  if (facts.length === 0) facts.push(entry.action === "update" ? "Updated" : entry.action);

  const [first, ...rest] = facts;
  return { sentence: `${[first, ...rest.map((f) => f.charAt(0).toLowerCase() + f.slice(1))].join("; ")} ${who}`, utc };
}

/** When the change was made, in the appointment's zone and in UTC. */
export function wordsAt(instant: string, timeZone: string): string {
  return `${dayAndTime(instant, timeZone)} (${zoneCity(timeZone)}) · ${dayAndTime(instant, "UTC")} UTC`;
}
