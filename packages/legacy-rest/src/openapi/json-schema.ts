/**
 * JSON Schemas of legacy parameters and records, generated from the zod
 * schemas (`z.toJSONSchema`) and the field table, then renamed to the seed's
 * snake_case. Legacy parameters accept more spellings than the API's JSON
 * types (a boolean may be "yes"), so their schemas are built from the legacy
 * type, with the API's limits (lengths, ranges) carried over.
 */
import { legacyName, type FieldSpec, type LegacyType } from "@plano/schema";
import { z } from "zod";
import type { ParamSpec } from "../params/param-spec";

export type JsonSchema = { [keyword: string]: unknown };

export function toJsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return json;
}

/** Renames every `properties` key (and `required` entry) to its legacy name, at every depth. */
export function withLegacyNames(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withLegacyNames);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([keyword, value]) => {
      if (keyword === "properties" && typeof value === "object" && value !== null) {
        return [keyword, Object.fromEntries(Object.entries(value).map(([key, sub]) => [legacyName(key), withLegacyNames(sub)]))];
      }
      if (keyword === "required" && Array.isArray(value)) return [keyword, value.map((key) => legacyName(String(key)))];
      return [keyword, withLegacyNames(value)];
    }),
  );
}

export const dateSpelling = "YYYY-MM-DD, or MM/DD/YYYY with month_first";
export const dateTimeSpelling = "ISO 8601 (UTC unless an offset is given), or MM/DD/YYYY HH:MM:SS (UTC) with month_first";

/*
 * The shapes the legacy parsers (@plano/schema's legacy/values.ts) read, as
 * JSON Schema patterns (ECMA-262, no flags), surrounding white space and the
 * empty value (clear, or absent) included. A pattern cannot know the calendar:
 * 2026-02-30 fits it and is refused by the server as invalid-param.
 */
const TIME_TEXT = "\\d{1,2}:\\d{2}(:\\d{2})?(\\s*[aApP]\\.?\\s*[mM]\\.?)?";
const DATE_PATTERN = "^\\s*(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})?\\s*$";
const TIME_PATTERN = `^\\s*(${TIME_TEXT})?\\s*$`;
const DATE_TIME_PATTERN =
  "^\\s*(\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?([Zz]|[+-]\\d{2}(:?\\d{2})?)?" + `|\\d{1,2}/\\d{1,2}/\\d{4}\\s+${TIME_TEXT})?\\s*$`;

/** How each legacy type may be written. */
const legacyTypeSchemas: Record<LegacyType, JsonSchema> = {
  string: { type: "string" },
  boolean: {
    anyOf: [{ type: "boolean" }, { type: "string", enum: ["true", "false", "1", "0", "yes", "no"] }],
    "x-spelling": "true/false, 1/0 or yes/no, in any case",
  },
  integer: { anyOf: [{ type: "integer" }, { type: "string", pattern: "^\\s*[+-]?\\d+\\s*$" }] },
  minutes: {
    anyOf: [
      { type: "integer", description: "Minutes after local midnight (unit: minutes), e.g. 480 for 08:00." },
      { type: "string", pattern: "^\\s*[+-]?\\d+\\s*$" },
      { type: "string", pattern: TIME_PATTERN, description: "A time of day on a whole minute: HH:MM[:00] (24-hour) or h:mm AM/PM." },
    ],
    "x-unit": "minutes after local midnight",
    "x-spelling": "an integer number of minutes after local midnight, or a time of day: 08:00, 08:00:00, 8:00 AM",
    examples: [480, "480", "08:00", "08:00:00", "8:00 AM"],
  },
  date: { type: "string", pattern: DATE_PATTERN, "x-spelling": dateSpelling, examples: ["2026-07-01", "07/01/2026", "7/1/2026"] },
  time: {
    type: "string",
    pattern: TIME_PATTERN,
    "x-spelling": "HH:MM[:SS] (24-hour) or h:mm[:ss] AM/PM",
    examples: ["14:30", "14:30:00", "2:30 PM", "2:30 p.m."],
  },
  datetime: {
    type: "string",
    pattern: DATE_TIME_PATTERN,
    "x-spelling": dateTimeSpelling,
    examples: ["2026-07-01T14:30:00Z", "2026-07-01T14:30:00.250Z", "2026-07-01T08:30:00-06:00", "07/01/2026 14:30:00"],
  },
};

/** The API's limits worth telling a legacy caller. */
const limitKeywords = ["maxLength", "minLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];

/** The API value's own JSON Schema, without its null alternative. */
function nonNullBranch(schema: JsonSchema): JsonSchema {
  const branches = schema.anyOf as JsonSchema[] | undefined;
  return branches?.find((branch) => branch.type !== "null") ?? schema;
}

function withLimits(base: JsonSchema, apiSchema: z.ZodType | undefined): JsonSchema {
  if (!apiSchema) return base;
  const api = nonNullBranch(toJsonSchema(apiSchema, "input"));
  const limits = Object.fromEntries(limitKeywords.filter((keyword) => keyword in api).map((keyword) => [keyword, api[keyword]]));
  if (Object.keys(limits).length === 0) return base;
  if (!base.anyOf) return { ...base, ...limits };
  // Limits apply to the JSON-typed alternative (an integer's range, not its digits).
  return { ...base, anyOf: (base.anyOf as JsonSchema[]).map((branch, index) => (index === 0 ? { ...branch, ...limits } : branch)) };
}

export function paramSchema(spec: ParamSpec): JsonSchema {
  return {
    ...legacyTypeSchemas[spec.type],
    description: spec.description,
    ...(spec.values ? { enum: [...spec.values] } : {}),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
  };
}

/** An appointment field as a parameter: its legacy spelling, the API's limits, and what an empty value does. */
export function fieldParamSchema(field: FieldSpec, apiSchema: z.ZodType | undefined): JsonSchema {
  const clears = apiSchema?.isNullable() ? " Empty clears it." : field.type === "boolean" ? " Empty means false." : "";
  const setByServer = field.access === "server" ? " Set by the server: a value sent is ignored, with a warning." : "";
  return {
    ...withLimits(legacyTypeSchemas[field.type], apiSchema),
    description: `${field.description}${clears}${setByServer}`,
    ...(field.access === "server" ? { readOnly: true } : {}),
  };
}
