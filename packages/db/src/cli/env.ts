/**
 * `npm run db:migrate`'s environment, parsed once at start (zod): a bad value
 * stops it with a message naming the variable. See `.env.example`.
 */
import { envOrExit, type EnvSource } from "@tooling/env";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)), "expected a postgresql:// URL")
    .optional(),
  PLANO_DATA_DIR: z.string().optional(),
});

export function migrateEnv(source: EnvSource = process.env): { databaseUrl?: string; dataDir?: string } {
  const env = envOrExit(schema, source);
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.PLANO_DATA_DIR || undefined };
}
