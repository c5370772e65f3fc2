/**
 * A legacy parameter that is not an appointment field: identifiers, filters,
 * control switches. Appointment fields are described once, by @plano/schema's
 * `appointmentFields`; these describe the rest, in the same legacy types, so
 * one parser and one OpenAPI generator serve both.
 */
import { legacyName, type LegacyType } from "@plano/schema";

export interface ParamSpec {
  readonly type: LegacyType;
  readonly description: string;
  /** The only values accepted (e.g. `session_view`). */
  readonly values?: readonly string[];
  /** The value used when the parameter is absent or empty. */
  readonly default?: string | boolean | number;
  /** The API input key it feeds, where that is not its camelCase name (`cancel_reason` → `reason`). */
  readonly key?: string;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<T extends LegacyType> = T extends "boolean" ? boolean : T extends "integer" | "minutes" ? number : string;

/** Parsed arguments, by legacy name: absent ones are undefined unless they have a default. */
export type ArgsOf<P extends ParamSpecs> = {
  [K in keyof P]: P[K] extends { default: unknown } ? ValueOf<P[K]["type"]> : ValueOf<P[K]["type"]> | undefined;
};

/** `date_from_local` → `dateFromLocal`. */
export function toCamelCase(snakeCase: string): string {
  return snakeCase.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function apiKeyOf(name: string, spec: ParamSpec): string {
  return spec.key ?? toCamelCase(name);
}

/**
 * Parsed arguments keyed as the API input names them. The procedure validates
 * the input with its own zod schema, which is why the type is the caller's word.
 */
export function apiInput<T>(args: Readonly<Record<string, unknown>>, specs: ParamSpecs): T {
  const input: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (args[name] !== undefined) input[apiKeyOf(name, spec)] = args[name];
  }
  return input as T;
}

/** The legacy parameter behind an API input key, for naming it in errors. */
export function paramNameOf(apiKey: string, specs: ParamSpecs): string {
  const match = Object.entries(specs).find(([name, spec]) => apiKeyOf(name, spec) === apiKey);
  return match ? match[0] : legacyName(apiKey);
}
