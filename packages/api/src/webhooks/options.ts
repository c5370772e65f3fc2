/** Webhook delivery settings, from the environment (see README's configuration table). */
import { addressPolicy, type AddressPolicy } from "./address-policy";

export interface WebhookOptions {
  /** The whole exchange with a receiver, connect to last byte read. */
  timeoutMs: number;
  /** How much of an answer is read; the rest is never downloaded. */
  maxResponseBytes: number;
  /** Deliveries in flight per process (bounded: hostile receivers cannot pile up sockets). */
  concurrency: number;
  /** Of those, at most this many to one subscription, so one slow receiver cannot take every slot. */
  perSubscription: number;
  /** How often an idle worker looks for due deliveries. */
  pollMs: number;
  /** Retries stop this long after the first failure (the delivery is then `failed`); a subscription failing for this long is paused. */
  retryWindowMs: number;
  /** The first retry's delay; it doubles per attempt, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  policy: AddressPolicy;
  clock: () => Date;
  random: () => number;
}

export const HOUR_MS = 60 * 60 * 1000;

export const defaultWebhookOptions = (): WebhookOptions => ({
  timeoutMs: 10_000,
  maxResponseBytes: 4096,
  concurrency: 32,
  perSubscription: 16,
  pollMs: 200,
  retryWindowMs: 24 * HOUR_MS,
  baseDelayMs: 5_000,
  maxDelayMs: HOUR_MS,
  policy: addressPolicy(),
  clock: () => new Date(),
  random: Math.random,
});

/** How long a worker owns a claimed delivery: one attempt and its bookkeeping; a crashed worker's rows are taken up after it. */
export const leaseMs = (options: Pick<WebhookOptions, "timeoutMs">) => options.timeoutMs + 10_000;

export interface WebhookSettings {
  timeoutMs?: number;
  concurrency?: number;
  pollMs?: number;
  retryWindowMs?: number;
  baseDelayMs?: number;
  /** CIDRs allowed although private or loopback, e.g. ["127.0.0.0/8", "::1/128"]; default none. */
  allowedNetworks?: readonly string[];
}

/**
 * Delivery options for the settings an entry point parsed (WEBHOOK_* in
 * apps/server/src/env.ts); unset ones keep `defaultWebhookOptions`. One
 * subscription may take at most half the concurrency.
 */
export function webhookOptionsFor(settings: WebhookSettings = {}): WebhookOptions {
  const defaults = defaultWebhookOptions();
  const concurrency = Math.floor(settings.concurrency ?? defaults.concurrency);
  return {
    ...defaults,
    timeoutMs: settings.timeoutMs ?? defaults.timeoutMs,
    concurrency,
    perSubscription: Math.max(1, Math.ceil(concurrency / 2)),
    pollMs: settings.pollMs ?? defaults.pollMs,
    retryWindowMs: settings.retryWindowMs ?? defaults.retryWindowMs,
    baseDelayMs: settings.baseDelayMs ?? defaults.baseDelayMs,
    policy: addressPolicy(settings.allowedNetworks),
  };
}
