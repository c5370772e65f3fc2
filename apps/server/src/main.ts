/** The API server process: `node dist/main.js` (API_PORT, default 3001). */
import { CHANGE_CHANNEL, ChangeHub, mailerFromEnv, pruneLoginThrottle, WebhookWorker, webhookOptionsFromEnv } from "@plano/api";
import { listenForNotifications } from "@plano/db";
import { createApiServer } from "./http";
import { startRuntime } from "./start";

const port = Number(process.env.API_PORT ?? 3001);
const host = process.env.API_HOST ?? "127.0.0.1";

const runtime = await startRuntime();
// Mandrill from MANDRILL_API_KEY / MANDRILL_BASE_URL; without a key, mail is only recorded in the outbox.
const mailer = mailerFromEnv();
// Every committed appointment change, from any process writing to this database, for `appointment.onChange`.
const changes = new ChangeHub(runtime.db, (onPayload, options) =>
  listenForNotifications(runtime.database, CHANGE_CHANNEL, onPayload, options),
);
// WEBHOOK_* settings (timeout, concurrency, allowed private networks…); a bad value stops the start.
const webhookOptions = webhookOptionsFromEnv();
const server = createApiServer({ db: runtime.db, mailer, changes, webhookPolicy: webhookOptions.policy });
/** Every API process delivers webhooks from the shared queue; they coordinate through the database. */
const webhooks = new WebhookWorker(runtime.db, webhookOptions);
webhooks.start();

/** Client emails that failed are retried from the outbox; the delay between tries grows per email. */
const OUTBOX_RETRY_EVERY_MS = Number(process.env.OUTBOX_RETRY_EVERY_MS ?? 30_000);
let retrying: Promise<unknown> | undefined;
const outboxRetry = setInterval(() => {
  // One pass at a time: a slow Mandrill must not stack passes up.
  retrying ??= mailer
    .retryOutbox(runtime.db)
    .catch((error: unknown) => console.error("outbox retry failed:", error))
    .finally(() => (retrying = undefined));
}, OUTBOX_RETRY_EVERY_MS).unref();

/** Sign-in throttle keys nobody failed on for a day are forgotten (auth/login-throttle.ts). */
const throttlePrune = setInterval(() => {
  pruneLoginThrottle(runtime.db, new Date()).catch((error: unknown) => console.error("pruning the sign-in throttle failed:", error));
}, 60 * 60 * 1000).unref();

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
  await runtime.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
