/**
 * `npm run db:migrate`'s environment, parsed once at start (zod): a bad value
 * stops it with a message naming the variable. See `.env.example`.
 */
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)), "expected a postgresql:// URL")
    .optional(),
  PLANO_DATA_DIR: z.string().optional(),
});

export function migrateEnv(source: Record<string, string | undefined> = process.env): { databaseUrl?: string; dataDir?: string } {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`;
    });
    process.stderr.write(`Invalid environment:\n${lines.join("\n")}\n`);
    process.exit(1);
  }
  return { databaseUrl: result.data.DATABASE_URL || undefined, dataDir: result.data.PLANO_DATA_DIR || undefined };
}
