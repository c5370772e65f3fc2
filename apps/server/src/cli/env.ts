/**
 * The CLI's environment: the database settings and the webhook networks it
 * checks subscription addresses against. Parsed once (the first call, at the
 * start of main.ts); a bad value stops the CLI naming the variable.
 */
import { envOrExit, serverEnvSchema } from "../env";

const cliEnvSchema = serverEnvSchema.pick({
  DATABASE_URL: true,
  PLANO_DATA_DIR: true,
  DATABASE_CONNECT_TIMEOUT_MS: true,
  DATABASE_STATEMENT_TIMEOUT_MS: true,
  DATABASE_TRANSACTION_MAX_WAIT_MS: true,
  WEBHOOK_ALLOWED_NETWORKS: true,
});

let parsed: ReturnType<typeof cliEnvSchema.parse> | undefined;

export function cliEnv() {
  parsed ??= envOrExit(cliEnvSchema);
  return parsed;
}
