/**
 * Every environment variable the API server and the CLI read, parsed once at
 * start with zod. A bad value stops start-up with a message naming the
 * variable, instead of turning into NaN somewhere later (OUTBOX_RETRY_EVERY_MS=abc
 * once made the outbox poll the database every millisecond). The packages get
 * the parsed values as options; none of them reads process.env for these.
 * `.env.example` at the root lists them all.
 */
import { addressPolicy, type MandrillConfig, type WebhookSettings } from "@plano/api";
import { envOrExit, EnvError, optional, parseEnv, type EnvSource } from "@tooling/env";
import { z } from "zod";

export { envOrExit, EnvError };

const wholeNumber = (what: string) => z.string().trim().regex(/^\d+$/, `expected ${what}`).transform(Number);

/** Milliseconds, 0 meaning "no limit". */
const limitMs = wholeNumber("a whole number of milliseconds (0: no limit)");
const positiveMs = (min = 1) => wholeNumber("a whole number of milliseconds").pipe(z.number().min(min, `expected at least ${min} ms`));
const positiveInt = wholeNumber("a whole number").pipe(z.number().min(1, "expected at least 1"));
const port = wholeNumber("a TCP port").pipe(z.number().min(1, "expected a TCP port (1-65535)").max(65_535, "expected a TCP port (1-65535)"));
const list = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);
const flag = z
  .string()
  .trim()
  .regex(/^(1|true|yes|on|0|false|no|off)$/i, "expected 1 or 0")
  .transform((value) => /^(1|true|yes|on)$/i.test(value));
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), "expected a postgresql:// URL");
const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), "expected an http(s):// URL");

function validNetworks(networks: string[]): boolean {
  try {
    addressPolicy(networks);
    return true;
  } catch {
    return false;
  }
}

/** Where the database is and how long its calls may take: the server, the CLI and `db:migrate`. */
export const databaseEnvSchema = z.object({
  /** A PostgreSQL server; unset: the embedded PGlite database in PLANO_DATA_DIR. */
  DATABASE_URL: optional(postgresUrl),
  PLANO_DATA_DIR: optional(z.string()),
  DATABASE_CONNECT_TIMEOUT_MS: optional(limitMs),
  DATABASE_STATEMENT_TIMEOUT_MS: optional(limitMs),
  DATABASE_TRANSACTION_MAX_WAIT_MS: optional(limitMs),
});

export const serverEnvSchema = databaseEnvSchema.extend({
  API_PORT: optional(port).default(3001),
  API_HOST: optional(z.string().trim()).default("127.0.0.1"),
  /** How often failed client emails are retried from the outbox; at least 100 ms so a slip cannot hammer the database. */
  OUTBOX_RETRY_EVERY_MS: optional(positiveMs(100)).default(30_000),
  /** No key: mail is only recorded in the outbox. */
  MANDRILL_API_KEY: optional(z.string().trim()),
  MANDRILL_BASE_URL: optional(httpUrl),
  MANDRILL_TIMEOUT_MS: optional(positiveMs()),
  MANDRILL_FROM_EMAIL: optional(z.email({ error: "expected an email address" })),
  MANDRILL_FROM_NAME: optional(z.string().trim()),
  WEBHOOK_TIMEOUT_MS: optional(positiveMs()),
  WEBHOOK_CONCURRENCY: optional(positiveInt),
  WEBHOOK_POLL_MS: optional(positiveMs()),
  /**
   * The webhook worker's own connections (PostgreSQL only). Sharing the request pool (10), each claim and each
   * recorded outcome queued behind up to 32 concurrent requests: measured 30-40 ms a statement under update load,
   * which capped delivery below the update rate. Its statements take about a millisecond each: two connections suffice,
   * one claiming while the other records a batch of successes (at 32 update connections, one connection fell behind:
   * 280 deliveries/s for 378 writes/s, lag p99 3.9 s; three showed no clear gain over two).
   */
  WEBHOOK_DB_POOL_SIZE: optional(positiveInt).default(2),
  WEBHOOK_RETRY_WINDOW_MS: optional(positiveMs()),
  WEBHOOK_BASE_DELAY_MS: optional(positiveMs()),
  /** Private or loopback networks webhooks may still reach, e.g. "127.0.0.0/8,::1/128". */
  WEBHOOK_ALLOWED_NETWORKS: optional(list.refine(validNetworks, "expected CIDRs such as 127.0.0.0/8, comma-separated")).default([]),
  /** Proxies whose X-Forwarded-For / -Proto are believed; default loopback. */
  TRUSTED_PROXIES: optional(list),
  /** The address browsers use; an https:// one makes cookies Secure. */
  PUBLIC_URL: optional(httpUrl),
  /** Forces the session cookie's Secure flag on (1) or off (0). */
  COOKIE_SECURE: optional(flag),
});

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;
export type ServerEnv = z.infer<typeof serverEnvSchema>;

export const parseServerEnv = (source: EnvSource): ServerEnv => parseEnv(serverEnvSchema, source);

/** The mailer's settings (the library applies its defaults to those unset). */
export const mandrillSettingsOf = (env: ServerEnv): Partial<MandrillConfig> => ({
  apiKey: env.MANDRILL_API_KEY,
  baseUrl: env.MANDRILL_BASE_URL,
  timeoutMs: env.MANDRILL_TIMEOUT_MS,
  fromEmail: env.MANDRILL_FROM_EMAIL,
  fromName: env.MANDRILL_FROM_NAME,
});

export const webhookSettingsOf = (env: Partial<ServerEnv>): WebhookSettings => ({
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  concurrency: env.WEBHOOK_CONCURRENCY,
  pollMs: env.WEBHOOK_POLL_MS,
  retryWindowMs: env.WEBHOOK_RETRY_WINDOW_MS,
  baseDelayMs: env.WEBHOOK_BASE_DELAY_MS,
  allowedNetworks: env.WEBHOOK_ALLOWED_NETWORKS,
});
