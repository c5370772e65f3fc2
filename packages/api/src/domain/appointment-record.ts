/**
 * Converting between the database row and the API's appointment. Postgres
 * `date` and `time` columns come back from Prisma as JS Dates pinned to UTC;
 * the API speaks `YYYY-MM-DD` and `HH:MM:SS` strings so that no time zone can
 * creep into a calendar date.
 */
import { appointmentFields, type Appointment } from "@plano/schema";
import type { Prisma } from "@plano/db";

export const dateKeys = appointmentFields.filter((f) => f.type === "date").map((f) => f.key);
export const timeKeys = appointmentFields.filter((f) => f.type === "time").map((f) => f.key);

/**
 * A stored value the API can speak, or null. The API refuses to write dates
 * outside years 1900–9999, but a row repaired (or broken) by hand can hold
 * any date PostgreSQL takes, which the driver may hand over as an invalid
 * Date: such a value reads as null rather than failing the whole read or page.
 */
export const readableDate = (value: Date | null): Date | null => {
  if (!value || Number.isNaN(value.getTime())) return null;
  const year = value.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? value : null;
};

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `toISOString()`'s text for Dates in years 1900–9999, by hand: V8's own took
 * ~1.2 µs per call here against ~0.2, and an update converts some 60 values
 * (bench/, issue 13). Equal to `toISOString()` for every such Date
 * (appointment-record.test.ts); `readableDate` keeps other years away.
 */
export const isoDate = (value: Date): string => `${value.getUTCFullYear()}-${two(value.getUTCMonth() + 1)}-${two(value.getUTCDate())}`;
export const isoTime = (value: Date): string => `${two(value.getUTCHours())}:${two(value.getUTCMinutes())}:${two(value.getUTCSeconds())}`;
export const isoInstant = (value: Date): string => `${isoDate(value)}T${isoTime(value)}.${three(value.getUTCMilliseconds())}Z`;

export const toIsoDate = (value: Date | null): string | null => {
  const readable = readableDate(value);
  return readable ? isoDate(readable) : null;
};
// Any valid Date: a time column reads as 1970-01-01 (or a wrapped 24:00:00), whatever the date.
export const toIsoTime = (value: Date | null): string | null => (value && !Number.isNaN(value.getTime()) ? isoTime(value) : null);
const toInstant = (value: Date | null): string | null => {
  const readable = readableDate(value);
  return readable ? isoInstant(readable) : null;
};

/** The version string handed to callers: `updatedAt` to the millisecond, as stored. */
export const versionOf = (updatedAt: Date): string => (readableDate(updatedAt) ? isoInstant(updatedAt) : updatedAt.toISOString());

export const appointmentInclude = { office: { select: { timeZone: true } } } as const;
export type AppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;
/** A row read with the store's `apiText` option: readable date, time and instant columns are the API's text already. */
export type AppointmentTextRow = { [K in keyof AppointmentRow]: Date extends AppointmentRow[K] ? AppointmentRow[K] | string : AppointmentRow[K] };

/** How each converted column becomes API text; every other column passes as it is. */
const toApi = new Map<string, (value: Date | null) => string | null>([
  ...dateKeys.map((key) => [key, toIsoDate] as const),
  ...timeKeys.map((key) => [key, toIsoTime] as const),
  ...(["confirmedAt", "startsAt", "stopsAt", "createdAt", "updatedAt"] as const).map((key) => [key, toInstant] as const),
]);
const notInApi = new Set(["office", "searchText", "isLong"]);

/**
 * One pass over the row's own columns, in their order (so the JSON keeps the
 * model's field order), then the office's zone and the version. Copying the
 * ~55 columns through rest/spread objects three times cost 3× as much, which
 * showed on every list page (bench/).
 */
export function toAppointment(row: AppointmentRow | AppointmentTextRow): Appointment {
  const appointment: Record<string, unknown> = {};
  for (const key in row) {
    if (notInApi.has(key)) continue;
    const value = (row as Record<string, unknown>)[key];
    const convert = toApi.get(key);
    // A string is the API's text already (the store's `apiText` rows).
    appointment[key] = convert && typeof value !== "string" ? convert(value as Date | null) : value;
  }
  appointment.officeTimeZone = row.office.timeZone;
  appointment.updatedAtMt = typeof row.updatedAt === "string" ? row.updatedAt : versionOf(row.updatedAt);
  return appointment as Appointment;
}

/**
 * `toAppointment` for rows known to hold exactly the columns `keys`, in that
 * order, and the office's zone beside them (the store's raw rows): the same
 * answer, built from a plan made once instead of a key lookup per column, and
 * without first copying the row into Prisma's shape (`withOffice`). A busy
 * board converts hundreds of rows per request (bench/ board-day).
 */
export function appointmentBuilder(keys: readonly string[]) {
  const plan = keys.filter((key) => !notInApi.has(key)).map((key) => [key, toApi.get(key)] as const);
  return (row: Record<string, unknown>, officeTimeZone: string): Appointment => {
    const appointment: Record<string, unknown> = {};
    for (const [key, convert] of plan) {
      const value = row[key];
      appointment[key] = convert && typeof value !== "string" ? convert(value as Date | null) : value;
    }
    appointment.officeTimeZone = officeTimeZone;
    const updatedAt = row.updatedAt as Date | string;
    appointment.updatedAtMt = typeof updatedAt === "string" ? updatedAt : versionOf(updatedAt);
    return appointment as Appointment;
  };
}
