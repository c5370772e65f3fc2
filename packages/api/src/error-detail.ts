/**
 * One reading of any error thrown by a procedure, for the tRPC error shape and
 * for the REST adapter alike: the reason, the field, and a message that names it.
 */
import { TRPCError } from "@trpc/server";
import { fieldRef, legacyName, renderIssue, type ErrorDetail, type IssueText } from "@plano/schema";
import { ZodError, type core } from "zod";
import { planoErrorOf, type PlanoErrorDetails } from "./errors";

export interface DescribedError extends ErrorDetail {
  /** What is wrong, with fields as `{apiKey}`: each door names them in its own words (`renderIssue`). */
  issue: IssueText;
  /** The issue in the API's own names (legacy snake_case), as tRPC answers it. */
  message: string;
  extra: PlanoErrorDetails;
}

function described(reason: DescribedError["reason"], issue: IssueText, field?: string, fields?: string[]): DescribedError {
  return { reason, field, fields, issue, message: renderIssue(issue, legacyName), extra: {} };
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
  if (!issue) return described("invalid-param", { text: "The input is invalid." });
  const field = fieldOf(issue);
  const name = field ? fieldRef(field) : "input";
  const sent = input === undefined ? ((issue as { input?: unknown }).input ?? absent) : valueAt(input, issue.path);
  if (issue.code === "unrecognized_keys") {
    // The keys are the caller's: values, named by each door in its words only as the (unknown) keys they are.
    const keys = Object.fromEntries(issue.keys.map((key, index) => [`key${index}`, legacyName(key)]));
    const text = `unknown field(s): ${issue.keys.map((_, index) => `{key${index}}`).join(", ")}`;
    return described("invalid-param", { text, params: keys }, issue.keys[0], issue.keys);
  }
  if (isMissing(issue, sent)) {
    // A custom "missing" message is the schema's own issue text, naming its field as `{apiKey}`.
    return described("missing-param", { text: issue.code === "custom" ? issue.message : `${name} is required` }, field, field ? [field] : []);
  }
  const reason = issue.code === "invalid_type" ? wrongType(issue, sent) : issue.message;
  return described("invalid-param", { text: `${name}: {detail}`, params: { detail: reason } }, field, field ? [field] : []);
}

export function describeError(error: unknown, input?: unknown): DescribedError | undefined {
  const plano = planoErrorOf(error);
  if (plano) {
    const { field, fields } = plano.details;
    return { reason: plano.reason, field, fields, issue: plano.issue, message: plano.message, extra: plano.details };
  }
  // Only a refused input is the caller's to fix: a ZodError behind any other code is an answer that failed
  // its `.output()` schema, which is our fault and reported as internal.
  if (error instanceof TRPCError) return error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? describeZodError(error.cause, input) : undefined;
  if (error instanceof ZodError) return describeZodError(error, input);
  return undefined;
}
