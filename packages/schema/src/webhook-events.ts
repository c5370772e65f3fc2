/** The webhook events, apart from the zod schemas (webhook.ts) so that a page listing them does not load zod. */

/** Every change is `appointment.created` or `appointment.updated`; an update may also be one or more of the others. */
export const webhookEventTypes = [
  "appointment.created",
  "appointment.updated",
  "appointment.confirmed",
  "appointment.cancelled",
  "appointment.moved",
  "appointment.reassigned",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
