/**
 * Decoded body → typed arguments, an appointment patch and warnings. One
 * generic reader: route arguments come from each route's `ParamSpecs`, the
 * appointment's fields from @plano/schema's field table, so no parameter is
 * parsed by hand. Only HTTP/legacy translation happens here; whether a value
 * is allowed is the API's business.
 */
import { appointmentFields, appointmentWritableShape, type FieldSpec, type LegacyDateOptions } from "@plano/schema";
import type { z } from "zod";
import { invalidParam, type LegacyWarning } from "../envelope";
import type { ArgsOf, ParamSpec, ParamSpecs } from "./param-spec";
import { isEmptyValue, parseLegacyValue, type LegacyValue } from "./parse-value";

/** Decoded request parameters by name; a Map so that names like `__proto__` are just names. */
export type ParamBag = ReadonlyMap<string, unknown>;

/** Tracks which parameters something read, so the rest can be reported as unknown. */
export type ConsumedParams = Set<string>;

/** The value as an error message quotes it: a scalar's text, cut short; an array or object by its kind only (it may be nested too deep to write). */
function shown(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function parseOrFail(name: string, spec: Pick<ParamSpec, "type" | "values">, raw: unknown, options: LegacyDateOptions): LegacyValue {
  const parsed = parseLegacyValue(spec.type, raw, options);
  if (!parsed.ok) throw invalidParam(name, `${name}: expected ${parsed.expected}, got ${shown(raw)}`);
  if (spec.values && !spec.values.includes(String(parsed.value))) {
    throw invalidParam(name, `${name}: expected one of ${spec.values.join(", ")}, got ${shown(raw)}`);
  }
  return parsed.value;
}

/**
 * The route's own arguments. Empty means absent here (FileMaker sends every
 * field of a layout, filled or not); absent ones take their default.
 */
export function readArgs<P extends ParamSpecs>(bag: ParamBag, specs: P, options: LegacyDateOptions, consumed: ConsumedParams): ArgsOf<P> {
  const args: Record<string, LegacyValue | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) {
    // Route arguments are identifiers and switches (token, application, uuid, updated_at_mt …): trimmed
    // like every other value, since FileMaker appends a CR to a field's text.
    const given = bag.get(name);
    const raw = typeof given === "string" ? given.trim() : given;
    if (bag.has(name)) consumed.add(name);
    args[name] = raw === undefined || isEmptyValue(raw) ? spec.default : parseOrFail(name, spec, raw, options);
  }
  return args as ArgsOf<P>;
}

const writableShape: Readonly<Record<string, z.ZodType>> = appointmentWritableShape;

/** What `""` sets a field to: null where the API allows it, false for a checkbox; other fields cannot be emptied. */
function clearedValue(spec: FieldSpec): null | false {
  if (writableShape[spec.key]?.isNullable()) return null;
  if (spec.type === "boolean") return false;
  throw invalidParam(spec.legacy, `${spec.legacy}: cannot be cleared; send a ${spec.type} value or leave it out`);
}

export interface FieldParams {
  /** API field name → value, for the create/update input's patch. */
  patch: Record<string, LegacyValue | null>;
  warnings: LegacyWarning[];
}

/**
 * The appointment's fields, by their legacy names. `""` clears; fields the
 * server sets are ignored with a warning (the seed still lists them).
 */
export function readFields(bag: ParamBag, options: LegacyDateOptions, consumed: ConsumedParams): FieldParams {
  const patch: FieldParams["patch"] = {};
  const warnings: LegacyWarning[] = [];
  for (const spec of appointmentFields) {
    const name = spec.legacy;
    if (!bag.has(name) || consumed.has(name)) continue;
    consumed.add(name);
    const raw = bag.get(name);
    if (spec.access === "server") {
      warnings.push({ code: "ignored-param", field: name, message: `${name} is set by the server; the value sent was ignored.` });
    } else {
      patch[spec.key] = isEmptyValue(raw) ? clearedValue(spec) : parseOrFail(name, spec, raw, options);
    }
  }
  return { patch, warnings };
}

/** Parameters no one read: ignored, and said so. */
export function unknownParamWarnings(bag: ParamBag, consumed: ConsumedParams): LegacyWarning[] {
  return [...bag.keys()]
    .filter((name) => !consumed.has(name))
    .map((name) => ({ code: "unknown-param", field: name, message: `Unknown parameter ${shown(name)} was ignored.` }));
}
