/**
 * API values → the seed's snake_case records. Dates are written the way the
 * request wrote them (`month_first` → MM/DD/YYYY); `updated_at_mt` too, like
 * every timestamp (`MM/DD/YYYY HH:MM:SS` under `month_first`): versions are
 * whole seconds apart, so that spelling still names one version (see
 * @plano/api's domain/versions.ts).
 */
import {
  appointmentSchema,
  fieldByKey,
  legacyName,
  type Appointment,
  type AppointmentChangeEntry,
  type LegacyDateOptions,
  type LegacyType,
  type Warning,
} from "@plano/schema";
import { perKeyList } from "@plano/api";
import type { LegacyWarning } from "../envelope";
import { formatLegacyDate, formatLegacyDateTime } from "../params/legacy-values";

/** Appointment keys the field table does not list (derived or read-only), by type. */
const typesBeyondTheTable: Readonly<Record<string, LegacyType>> = { startsAt: "datetime", stopsAt: "datetime", updatedAtMt: "datetime" };

/** The legacy type of an API record key, fields and derived ones alike (how the reply spells it). */
export function legacyTypeOf(key: string): LegacyType {
  return fieldByKey.get(key)?.type ?? typesBeyondTheTable[key] ?? "string";
}

interface KeyWriting {
  name: string;
  type: LegacyType;
}

/**
 * Each appointment key's legacy name and type, looked up once: every record
 * of every answer writes the same 60-odd keys, and the names of those the
 * field table lacks (id, created_at …) were otherwise converted to snake_case
 * anew for each. Other keys (a history entry's) are looked up as they come.
 */
const writings = new Map<string, KeyWriting>(
  [...Object.keys(appointmentSchema.shape), ...fieldByKey.keys()].map((key) => [key, { name: legacyName(key), type: legacyTypeOf(key) }]),
);

function writingOf(key: string): KeyWriting {
  return writings.get(key) ?? { name: legacyName(key), type: legacyTypeOf(key) };
}

/**
 * `Date#toISOString`'s spelling of an instant that surely exists (years
 * 1900–9999, days up to the 28th, no 24:00, no leap second): its UTC date and
 * time are its own characters, so it is written without a Date. Others (the
 * 29th to 31st, which a Date rolls over when they do not exist) take the Date.
 */
const PLAIN_ISO_INSTANT = /^(?:19|[2-9]\d)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function instantWritten(value: string, options: LegacyDateOptions): string {
  if (!PLAIN_ISO_INSTANT.test(value)) return formatLegacyDateTime(new Date(value), options);
  // formatLegacyDateTime's spellings: the ISO text itself, or MM/DD/YYYY HH:MM:SS in UTC.
  return options.monthFirst ? `${value.slice(5, 7)}/${value.slice(8, 10)}/${value.slice(0, 4)} ${value.slice(11, 19)}` : value;
}

function writtenAs(type: LegacyType, value: unknown, options: LegacyDateOptions): unknown {
  if (typeof value !== "string") return value;
  if (type === "date") return formatLegacyDate(value, options);
  if (type === "datetime") return instantWritten(value, options);
  return value;
}

/** One API value in the client's spelling. */
export function legacyValueOf(key: string, value: unknown, options: LegacyDateOptions): unknown {
  return writtenAs(writingOf(key).type, value, options);
}

/** The record key by key: for keys beyond the known ones (a history entry's). */
function snakeRecordByKey(values: Record<string, unknown>, options: LegacyDateOptions): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    const { name, type } = writingOf(key);
    record[name] = writtenAs(type, values[key], options);
  }
  return record;
}

type RecordWriter = (values: Record<string, unknown>, options: LegacyDateOptions) => Record<string, unknown>;

/**
 * `snakeRecordByKey` for one list of known keys, as code made once: one
 * object literal. Filled key by key, the 60-key record became a hash table
 * ("dictionary mode") and JSON.stringify of the reply took 1.6 × as long
 * (bench/, issue 13; appointment-record.ts in @plano/api does the same).
 * Names are the field table's, quoted with JSON.stringify, never data.
 */
function compileWriter(keys: readonly string[]): RecordWriter {
  const types: LegacyType[] = [];
  const fields = keys.map((key) => {
    const { name, type } = writings.get(key)!;
    types.push(type);
    return `${JSON.stringify(name)}: written(types[${types.length - 1}], values[${JSON.stringify(key)}], options)`;
  });
  const body = `return function write(values, options) {\n  return {\n    ${fields.join(",\n    ")}\n  };\n};`;
  return new Function("written", "types", body)(writtenAs, types) as RecordWriter;
}

/** Writers by their records' keys: an appointment's, an overlap's. */
const writerFor = perKeyList(compileWriter);

function snakeRecord(values: Record<string, unknown>, options: LegacyDateOptions): Record<string, unknown> {
  const keys = Object.keys(values);
  // Generated code writes known keys only (the field table's names).
  if (!keys.every((key) => writings.has(key))) return snakeRecordByKey(values, options);
  const write = writerFor(keys);
  return write(values, options);
}

export function appointmentRecord(appointment: Appointment, options: LegacyDateOptions): Record<string, unknown> {
  return snakeRecord(appointment, options);
}

export function historyRecord(entry: AppointmentChangeEntry, options: LegacyDateOptions): Record<string, unknown> {
  const { at, changes, ...names } = entry;
  return {
    ...names,
    at: formatLegacyDateTime(new Date(at), options),
    changes: Object.fromEntries(
      Object.entries(changes).map(([key, { before, after }]) => [
        legacyName(key),
        { before: legacyValueOf(key, before, options), after: legacyValueOf(key, after, options) },
      ]),
    ),
  };
}

/** The API's warnings (e.g. a photographer's overlaps) in legacy names. */
export function legacyWarnings(warnings: readonly Warning[], options: LegacyDateOptions): LegacyWarning[] {
  return warnings.map(({ field, overlaps, ...rest }) => ({
    ...rest,
    ...(field !== undefined ? { field: legacyName(field) } : {}),
    ...(overlaps !== undefined ? { overlaps: overlaps.map((overlap) => snakeRecord(overlap, options)) } : {}),
  }));
}
