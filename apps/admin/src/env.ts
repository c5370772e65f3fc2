/**
 * The admin's environment, parsed once with zod when the Next server starts
 * (instrumentation.ts) and read from here by the code. A bad value stops the
 * start naming the variable. Only server code reads it: API_URL is chosen when
 * the app starts, not frozen into the build (see proxy.ts). PORT is `next start`'s own.
 */
import { z } from "zod";

const schema = z.object({
  /** The API server as the Next server reaches it. */
  API_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || (/^https?:\/\//.test(value) && URL.canParse(value)), "expected an http(s):// URL")
    .transform((value) => (value === "" ? "http://127.0.0.1:3001" : value.replace(/\/$/, "")))
    .default("http://127.0.0.1:3001"),
});

export type AdminEnv = z.infer<typeof schema>;

export function parseAdminEnv(source: Record<string, string | undefined>): AdminEnv {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`;
  });
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

let parsed: AdminEnv | undefined;

/** The environment as parsed at start (the first call parses it). */
export function adminEnv(): AdminEnv {
  parsed ??= parseAdminEnv(process.env);
  return parsed;
}
