/**
 * Every entry point (the API server and its CLI, the admin, `db:migrate`, the
 * bench) parses its environment once at start with its own zod schema, through
 * these: a bad value stops it with one message naming each bad variable and
 * the value it had, instead of turning into NaN somewhere later.
 */
import { z } from "zod";

export type EnvSource = Record<string, string | undefined>;

/** A bad environment: the message names each variable, its value and what was expected. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** The parsed environment, or an EnvError naming every bad variable. */
export function parseEnv<T extends z.ZodType>(schema: T, source: EnvSource = process.env): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

/** For an entry point: the parsed environment, or the message on stderr and exit code 1 before anything starts. */
export function envOrExit<T extends z.ZodType>(schema: T, source: EnvSource = process.env): z.infer<T> {
  try {
    return parseEnv(schema, source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Unset and blank are the same (a `.env` line `NAME=` included): the default applies. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
