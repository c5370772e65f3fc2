/**
 * One legacy value of a known legacy type, read the way FileMaker writes it
 * (the parsers live in legacy-values.ts; this only picks one).
 */
import { isStorableText, parseLegacyDateTime, type LegacyDateOptions, type LegacyType, type ParseResult } from "@plano/schema";
import { parseLegacyBoolean, parseLegacyDate, parseLegacyInteger, parseLegacyMinutes, parseLegacyTime } from "./legacy-values";

export type LegacyValue = string | number | boolean;

/** Text as JSON or a form sends it; a JSON number is accepted as its digits (FileMaker sends numeric text either way). */
function parseText(value: unknown): ParseResult<string> {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string") return { ok: false, expected: "text" };
  return isStorableText(text) ? { ok: true, value: text } : { ok: false, expected: "text without NUL characters or unpaired surrogates" };
}

function parseInstant(value: unknown, options: LegacyDateOptions): ParseResult<string> {
  const parsed = parseLegacyDateTime(value, options);
  return parsed.ok ? { ok: true, value: parsed.value.toISOString() } : parsed;
}

const parsers: Record<LegacyType, (value: unknown, options: LegacyDateOptions) => ParseResult<LegacyValue>> = {
  string: parseText,
  boolean: parseLegacyBoolean,
  integer: parseLegacyInteger,
  minutes: parseLegacyMinutes,
  date: parseLegacyDate,
  time: parseLegacyTime,
  // The API takes instants as ISO 8601 strings.
  datetime: parseInstant,
};

export function parseLegacyValue(type: LegacyType, value: unknown, options: LegacyDateOptions): ParseResult<LegacyValue> {
  return parsers[type](value, options);
}

/** `""` and JSON `null`: what FileMaker sends for an empty field. */
export function isEmptyValue(value: unknown): boolean {
  return value === "" || value === null;
}
