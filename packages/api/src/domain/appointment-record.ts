/**
 * Converting between the database row and the API's appointment. Postgres
 * `date` and `time` columns come back from Prisma as JS Dates pinned to UTC;
 * the API speaks `YYYY-MM-DD` and `HH:MM:SS` strings so that no time zone can
 * creep into a calendar date.
 */
import { appointmentFields, type Appointment } from "@plano/schema";
import type { Prisma } from "@plano/db";
import { perKeyList } from "../key-list-cache";

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

type AppointmentBuild = (row: Record<string, unknown>, officeTimeZone: string) => Appointment;

/**
 * The appointment of a row holding the columns `keys`, in that order (so the
 * JSON keeps the model's field order), then the office's zone and the
 * version, as code made once per list of keys: one object literal.
 *
 * Why generated code: V8 keeps an object filled key by key (`o[key] = …`)
 * past a dozen keys as a hash table ("dictionary mode"), and every later
 * spread, zod check and JSON.stringify of the ~60-key appointment paid for it
 * (in process: 30 µs to build it, 30 µs per spread; as a literal ~1 and 0.2).
 * Keys are the model's field names, quoted with JSON.stringify, never data.
 * Equal to the key-by-key conversion for any row (appointment-record.test.ts).
 */
function compileBuilder(keys: readonly string[]): AppointmentBuild {
  const converters: ((value: Date | null) => string | null)[] = [];
  const fields = keys
    .filter((key) => !notInApi.has(key))
    .map((key) => {
      const name = JSON.stringify(key);
      const convert = toApi.get(key);
      if (!convert) return `${name}: row[${name}]`;
      converters.push(convert);
      // A string is the API's text already (the store's `apiText` rows).
      return `${name}: typeof (value = row[${name}]) === "string" ? value : convert[${converters.length - 1}](value)`;
    });
  const body = `return function build(row, officeTimeZone) {
    let value;
    return {
      ${[...fields, "officeTimeZone: officeTimeZone", 'updatedAtMt: typeof (value = row.updatedAt) === "string" ? value : versionOf(value)'].join(",\n      ")}
    };
  };`;
  return new Function("convert", "versionOf", body)(converters, versionOf) as AppointmentBuild;
}

/** Builders by their rows' keys; a handful of shapes exist (the store's rows, Prisma's). */
const builderFor = perKeyList(compileBuilder);

/** The API's appointment of a row with its office (`include: appointmentInclude`, or the store's rows in that shape). */
export function toAppointment(row: AppointmentRow | AppointmentTextRow): Appointment {
  const build = builderFor(Object.keys(row));
  return build(row as unknown as Record<string, unknown>, row.office.timeZone);
}

/**
 * `toAppointment` for rows known to hold exactly the columns `keys`, in that
 * order, and the office's zone beside them (the store's raw rows), without
 * first copying the row into Prisma's shape (`withOffice`). A busy board
 * converts hundreds of rows per request (bench/ board-day).
 */
export function appointmentBuilder(keys: readonly string[]): AppointmentBuild {
  return compileBuilder(keys);
}
