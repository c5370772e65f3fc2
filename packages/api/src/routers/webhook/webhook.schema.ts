/** What the webhook procedures take and answer; a secret appears only in `create`'s answer. */
import { recordId } from "@plano/schema";
import { z } from "zod";

export const subscriptionIdInput = z.object({ id: recordId });
export const redeliverInput = z.object({ deliveryId: recordId });

export const subscriptionSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  events: z.array(z.string()),
  officeId: z.number().int().nullable(),
  description: z.string().nullable(),
  status: z.enum(["active", "paused"]),
  pausedAt: z.string().nullable(),
  pausedReason: z.string().nullable(),
  failingSince: z.string().nullable(),
  createdAt: z.string(),
  /** The secret's first characters, to tell subscriptions apart. */
  secretPreview: z.string(),
  /** Deliveries waiting for their (next) attempt. */
  pending: z.number().int(),
  lastAttempt: z.object({ at: z.string(), ok: z.boolean(), statusCode: z.number().int().nullable(), error: z.string().nullable() }).nullable(),
});

export const createdSubscriptionSchema = subscriptionSchema.extend({ secret: z.string() });

export const deletedSubscriptionSchema = z.object({ id: z.number().int(), url: z.string(), deleted: z.literal(true) });

export const deliveryAttemptSchema = z.object({
  id: z.number().int(),
  deliveryId: z.number().int(),
  messageId: z.string(),
  eventType: z.string(),
  appointmentId: z.number().int(),
  deliveryStatus: z.string(),
  at: z.string(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  responseHead: z.string().nullable(),
  error: z.string().nullable(),
});

export const redeliveryOutput = z.object({ deliveryId: z.number().int(), status: z.string() });
