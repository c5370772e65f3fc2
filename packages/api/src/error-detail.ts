/**
 * One reading of any error thrown by a procedure, for the tRPC error shape and
 * for the REST adapter alike: the reason, the field, and a message that names it.
 */
import { TRPCError } from "@trpc/server";
import { legacyName, type ErrorDetail } from "@plano/schema";
import { ZodError, type core } from "zod";
import { planoErrorOf, type PlanoErrorDetails } from "./errors";

export interface DescribedError extends ErrorDetail {
  message: string;
  extra: PlanoErrorDetails;
}

/** The API field an issue is about: the input path without the `patch` wrapper. */
function fieldOf(issue: core.$ZodIssue): string | undefined {
  const path = issue.path.filter((part) => part !== "patch").map(String);
  return path.length > 0 ? path.join(".") : undefined;
}

/** What the caller sent at an issue's path; `absent` when nothing is there (or the input is unknown). */
const absent = Symbol("absent");
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return absent;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined ? absent : value;
}

/** A JSON value's kind as a message says it: "a string", "null", "an array". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function isMissing(issue: core.$ZodIssue, sent: unknown): boolean {
  if (issue.code === "invalid_type" && sent === absent) return true;
  return issue.code === "custom" && (issue.params as { missing?: boolean } | undefined)?.missing === true;
}

/** "expected a number, got a string": our own "expected …" wording when the schema has one, else zod's type name. */
function wrongType(issue: core.$ZodIssue & { code: "invalid_type" }, sent: unknown): string {
  const own = issue.message.startsWith("expected ") ? issue.message.slice("expected ".length) : undefined;
  const wanted = own ?? (/^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`);
  return `expected ${wanted}, got ${kindOf(sent)}`;
}

/**
 * `input` is what the caller sent, when known (tRPC's error formatter has it):
 * a field that is there but of the wrong type is then reported as such, not
 * as missing.
 */
export function describeZodError(error: ZodError, input?: unknown): DescribedError {
  const issue = error.issues[0];
  if (!issue) return { reason: "invalid-param", message: "The input is invalid.", extra: {} };
  const field = fieldOf(issue);
  const name = field ? legacyName(field) : "input";
  const sent = input === undefined ? (issue as { input?: unknown }).input ?? absent : valueAt(input, issue.path);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map(legacyName);
    return { reason: "invalid-param", field: issue.keys[0], fields: issue.keys, message: `unknown field(s): ${keys.join(", ")}`, extra: {} };
  }
  if (isMissing(issue, sent)) {
    const message = issue.code === "custom" ? issue.message : `${name} is required`;
    return { reason: "missing-param", field, fields: field ? [field] : [], message, extra: {} };
  }
  const reason = issue.code === "invalid_type" ? wrongType(issue, sent) : issue.message;
  return { reason: "invalid-param", field, fields: field ? [field] : [], message: `${name}: ${reason}`, extra: {} };
}

export function describeError(error: unknown, input?: unknown): DescribedError | undefined {
  const plano = planoErrorOf(error);
  if (plano) {
    const { field, fields } = plano.details;
    return { reason: plano.reason, field, fields, message: plano.message, extra: plano.details };
  }
  // Only a refused input is the caller's to fix: a ZodError behind any other code is an answer that failed
  // its `.output()` schema, which is our fault and reported as internal.
  if (error instanceof TRPCError) return error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? describeZodError(error.cause, input) : undefined;
  if (error instanceof ZodError) return describeZodError(error, input);
  return undefined;
}
