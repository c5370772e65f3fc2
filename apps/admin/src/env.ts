/**
 * The admin's environment, parsed once with zod when the Next server starts
 * (instrumentation.ts) and read from here by the code. A bad value stops the
 * start naming the variable. Only server code reads it: API_URL is chosen when
 * the app starts, not frozen into the build (see proxy.ts). PORT is `next start`'s own.
 */
import { parseEnv, type EnvSource } from "@tooling/env";
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

export const parseAdminEnv = (source: EnvSource): AdminEnv => parseEnv(schema, source);

let parsed: AdminEnv | undefined;

/** The environment as parsed at start (the first call parses it). */
export function adminEnv(): AdminEnv {
  parsed ??= parseAdminEnv(process.env);
  return parsed;
}
