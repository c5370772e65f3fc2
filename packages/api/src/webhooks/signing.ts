/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): each request
 * carries `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed
 * with the base64 part of a `whsec_` secret. Receivers verify it with any
 * Standard Webhooks library, drop ids they have seen (duplicates) and
 * timestamps outside their tolerance (replays).
 */
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A new secret: 32 random bytes. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

// Written with node:crypto (three lines) rather than the `standardwebhooks`
// package, so the tests verify us against that reference independently.
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestampSeconds}.${body}`).digest("base64")}`;
}

export function webhookHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
}

/** The message id of an event: the same on every retry and redelivery, so receivers can drop duplicates. */
export const messageIdOf = (eventId: number) => `msg_plano_${eventId}`;
