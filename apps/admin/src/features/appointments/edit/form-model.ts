/**
 * The edit form's values and how they map to the API. Inputs hold text (and
 * checkboxes booleans); the API takes typed, nullable values. Every rule about
 * what a valid value is comes from @plano/schema's `appointmentWritableShape`
 * (form-schema.ts, loaded on the first validation): this file only converts
 * between input text and those values, knowing the fields and which are
 * nullable from @plano/schema's zod-free table, so the page loads without zod.
 */
import {
  type Appointment,
  type AppointmentWritableKey,
  appointmentFields,
  appointmentWritableKeys,
  appointmentWritableNullable,
  legacyName,
} from "@plano/schema";

export type WritableKey = AppointmentWritableKey;
export type FormValue = string | boolean;
export type FormValues = Record<WritableKey, FormValue>;
/** What the API takes for a field. */
export type ApiValue = string | number | boolean | null;

export const writableKeys: readonly WritableKey[] = appointmentWritableKeys;

const legacyTypeOf = new Map<string, string>(appointmentFields.map((field) => [field.key, field.type]));
const isBooleanField = (key: WritableKey) => legacyTypeOf.get(key) === "boolean";
const isNumberField = (key: WritableKey) => ["integer", "minutes"].includes(legacyTypeOf.get(key) ?? "");
const isTimeField = (key: WritableKey) => legacyTypeOf.get(key) === "time";
const isNullable = (key: WritableKey) => appointmentWritableNullable[key];

/** A stored value as an input shows it: "" for none, times as HH:MM when the seconds are zero. */
export function toFormValue(key: WritableKey, value: unknown): FormValue {
  if (isBooleanField(key)) return value === true;
  if (value === null || value === undefined) return "";
  const text = String(value);
  return isTimeField(key) && text.endsWith(":00") && text.length === 8 ? text.slice(0, 5) : text;
}

/**
 * An input's text as the API would read it: "" is "none" (null, or absent for
 * fields that cannot be null), digits become numbers; anything else is left
 * for the shared schema to accept or reject.
 */
export function toApiValue(key: WritableKey, value: FormValue): ApiValue | undefined {
  if (typeof value === "boolean") return value;
  const text = value.trim();
  if (text === "") return isNullable(key) ? null : undefined;
  if (isNumberField(key)) return /^-?\d+$/.test(text) ? Number(text) : text;
  if (isTimeField(key) && /^\d\d:\d\d$/.test(text)) return `${text}:00`;
  return text;
}

export function formValuesOf(appointment: Appointment | null): FormValues {
  return Object.fromEntries(writableKeys.map((key) => [key, toFormValue(key, appointment?.[key] ?? null)])) as FormValues;
}

/** The fields whose value (as the API reads it) differs from the record the form started from. */
export function changedFields(values: FormValues, base: Appointment | null): Partial<Record<WritableKey, ApiValue>> {
  const changes: Partial<Record<WritableKey, ApiValue>> = {};
  for (const key of writableKeys) {
    const next = toApiValue(key, values[key]);
    const before = toApiValue(key, formValuesOf(base)[key]);
    if (next !== undefined && next !== before) changes[key] = next;
  }
  return changes;
}

export function fieldMessage(key: string, message: string): string {
  return `${legacyName(key)}: ${message}`;
}
