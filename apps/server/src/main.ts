/** The API server process: `node dist/main.js` (API_PORT, default 3001). */
import { CHANGE_CHANNEL, ChangeHub, mailerFor, pruneLoginThrottle, WebhookWorker, webhookOptionsFor } from "@plano/api";
import { createDb, listenForNotifications } from "@plano/db";
import { envOrExit, mandrillSettingsOf, serverEnvSchema, webhookSettingsOf } from "./env";
import { forwardingPolicyFor } from "./forwarded";
import { createApiServer } from "./http";
import { dbOptionsFor, startRuntime } from "./start";

// Every variable, parsed once before anything starts; a bad one stops here, naming it.
const env = envOrExit(serverEnvSchema);
const port = env.API_PORT;
const host = env.API_HOST;

const runtime = await startRuntime(env);
// Mandrill from MANDRILL_API_KEY / MANDRILL_BASE_URL; without a key, mail is only recorded in the outbox.
const mailer = mailerFor(mandrillSettingsOf(env));
// Every committed appointment change, from any process writing to this database, for `appointment.onChange`.
const changes = new ChangeHub(runtime.db, (onPayload, options) => listenForNotifications(runtime.database, CHANGE_CHANNEL, onPayload, options));
// WEBHOOK_* settings (timeout, concurrency, allowed private networks…).
const webhookOptions = webhookOptionsFor(webhookSettingsOf(env));
const server = createApiServer({ db: runtime.db, mailer, changes, webhookPolicy: webhookOptions.policy, forwarding: forwardingPolicyFor(env) });
/**
 * Every API process delivers webhooks from the shared queue; they coordinate through the database. On its own
 * small pool (WEBHOOK_DB_POOL_SIZE, why in env.ts) so deliveries never wait behind requests; the embedded
 * database runs one transaction at a time, so there it shares the one pool.
 */
const webhookDb = env.DATABASE_URL ? createDb(runtime.database.url, { ...dbOptionsFor(false, env), poolSize: env.WEBHOOK_DB_POOL_SIZE }) : runtime.db;
const webhooks = new WebhookWorker(webhookDb, webhookOptions);
webhooks.start();

/** Client emails that failed are retried from the outbox; the delay between tries grows per email. */
let retrying: Promise<unknown> | undefined;
const outboxRetry = setInterval(() => {
  // One pass at a time: a slow Mandrill must not stack passes up.
  retrying ??= mailer
    .retryOutbox(runtime.db)
    .catch((error: unknown) => console.error("outbox retry failed:", error))
    .finally(() => (retrying = undefined));
}, env.OUTBOX_RETRY_EVERY_MS).unref();

/** Sign-in throttle keys nobody failed on for a day are forgotten (auth/login-throttle.ts). */
const throttlePrune = setInterval(
  () => {
    pruneLoginThrottle(runtime.db, new Date()).catch((error: unknown) => console.error("pruning the sign-in throttle failed:", error));
  },
  60 * 60 * 1000,
).unref();

server.listen(port, host, () => {
  console.log(`Plano API listening on http://${host}:${port} (tRPC /api/trpc, REST /api/v1)`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the API server`);
  clearInterval(outboxRetry);
  clearInterval(throttlePrune);
  server.close();
  server.closeAllConnections();
  await retrying;
  await changes.close();
  // In-flight deliveries end within their timeout; any cut short is retried by another process.
  await webhooks.stop();
  if (webhookDb !== runtime.db) await webhookDb.$disconnect();
  await runtime.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
