/**
 * API values → the seed's snake_case records. Dates are written the way the
 * request wrote them (`month_first` → MM/DD/YYYY); `updated_at_mt` too, like
 * every timestamp (`MM/DD/YYYY HH:MM:SS` under `month_first`): versions are
 * whole seconds apart, so that spelling still names one version (see
 * @plano/api's domain/versions.ts).
 */
import { fieldByKey, legacyName, type Appointment, type AppointmentChangeEntry, type LegacyDateOptions, type LegacyType, type Warning } from "@plano/schema";
import type { LegacyWarning } from "../envelope";
import { formatLegacyDate, formatLegacyDateTime } from "../params/legacy-values";

/** Appointment keys the field table does not list (derived or read-only), by type. */
const typesBeyondTheTable: Readonly<Record<string, LegacyType>> = { startsAt: "datetime", stopsAt: "datetime", updatedAtMt: "datetime" };

/** The legacy type of an API record key, fields and derived ones alike (how the reply spells it). */
export function legacyTypeOf(key: string): LegacyType {
  return fieldByKey.get(key)?.type ?? typesBeyondTheTable[key] ?? "string";
}

/** One API value in the client's spelling. */
export function legacyValueOf(key: string, value: unknown, options: LegacyDateOptions): unknown {
  if (typeof value !== "string") return value;
  const type = legacyTypeOf(key);
  if (type === "date") return formatLegacyDate(value, options);
  if (type === "datetime") return formatLegacyDateTime(new Date(value), options);
  return value;
}

function snakeRecord(values: Record<string, unknown>, options: LegacyDateOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [legacyName(key), legacyValueOf(key, value, options)]));
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
