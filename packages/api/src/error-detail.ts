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

function isMissing(issue: core.$ZodIssue): boolean {
  if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) return true;
  return issue.code === "custom" && (issue.params as { missing?: boolean } | undefined)?.missing === true;
}

export function describeZodError(error: ZodError): DescribedError {
  const issue = error.issues[0];
  if (!issue) return { reason: "invalid-param", message: "The input is invalid.", extra: {} };
  const field = fieldOf(issue);
  const name = field ? legacyName(field) : "input";
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map(legacyName);
    return { reason: "invalid-param", field: issue.keys[0], fields: issue.keys, message: `unknown field(s): ${keys.join(", ")}`, extra: {} };
  }
  if (isMissing(issue)) {
    const message = issue.code === "custom" ? issue.message : `${name} is required`;
    return { reason: "missing-param", field, fields: field ? [field] : [], message, extra: {} };
  }
  return { reason: "invalid-param", field, fields: field ? [field] : [], message: `${name}: ${issue.message}`, extra: {} };
}

export function describeError(error: unknown): DescribedError | undefined {
  const plano = planoErrorOf(error);
  if (plano) {
    const { field, fields } = plano.details;
    return { reason: plano.reason, field, fields, message: plano.message, extra: plano.details };
  }
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof ZodError) return describeZodError(cause);
  return undefined;
}
