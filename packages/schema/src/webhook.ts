/** Webhook subscriptions: the events, and what a subscription is made of. */
import { z } from "zod";
import { recordId } from "./appointment/model";
import { webhookEventTypes } from "./webhook-events";

export const webhookEventType = z.enum(webhookEventTypes, { error: `expected one of ${webhookEventTypes.join(", ")}` });

/** Standard Webhooks secrets: "whsec_" and base64 of 24 to 64 random bytes. */
export const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, { error: 'expected "whsec_" followed by base64 (Standard Webhooks secret)' })
  .refine(
    (value) => {
      // atob, not Buffer: this schema also runs in the browser.
      const bytes = atob(value.slice("whsec_".length)).length;
      return bytes >= 24 && bytes <= 64;
    },
    { error: "the key must be 24 to 64 bytes once base64-decoded" },
  );

export const webhookUrl = z
  .string()
  .trim()
  .max(2000, { error: "at most 2000 characters" })
  .pipe(z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" }))
  .refine(
    (value) => {
      const url = new URL(value);
      return url.username === "" && url.password === "";
    },
    { error: "credentials in the URL are not allowed; receivers authenticate by the signature" },
  );

export const webhookSubscriptionInput = z.object({
  url: webhookUrl,
  events: z
    .array(webhookEventType)
    .min(1, { error: "name at least one event" })
    .max(webhookEventTypes.length)
    .transform((events) => [...new Set(events)]),
  officeId: recordId.nullish(),
  description: z.string().trim().max(200, { error: "at most 200 characters" }).nullish(),
  /** Generated when not given. */
  secret: webhookSecret.optional(),
});
export type WebhookSubscriptionInput = z.input<typeof webhookSubscriptionInput>;
