/**
 * Webhook subscriptions for the admin (and services): create, list, delete,
 * resume a paused one, read the delivery log, redeliver. Needs
 * `webhooks:manage` (schedulers).
 */
import { recordId, webhookSubscriptionInput } from "@plano/schema";
import { z } from "zod";
import { createTRPCRouter, requirePermission } from "../../trpc";
import { addressPolicy } from "../../webhooks/address-policy";
import {
  createSubscription,
  deleteSubscription,
  deliveryLog,
  deliveryLogInput,
  listSubscriptions,
  redeliver,
  resumeSubscription,
} from "../../webhooks/subscriptions";

const manage = requirePermission("webhooks:manage");
const strictPolicy = addressPolicy();

export const webhookRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => listSubscriptions(ctx.db)),

  /** Answers with the secret, once; keep it for the receiver. */
  create: manage
    .input(webhookSubscriptionInput)
    .mutation(({ ctx, input }) => createSubscription(ctx.db, input, ctx.webhookPolicy ?? strictPolicy, ctx.now())),

  delete: manage.input(z.object({ id: recordId })).mutation(({ ctx, input }) => deleteSubscription(ctx.db, input.id)),

  resume: manage.input(z.object({ id: recordId })).mutation(({ ctx, input }) => resumeSubscription(ctx.db, input.id, ctx.now())),

  deliveries: manage.input(deliveryLogInput).query(({ ctx, input }) => deliveryLog(ctx.db, input)),

  redeliver: manage.input(z.object({ deliveryId: recordId })).mutation(({ ctx, input }) => redeliver(ctx.db, input.deliveryId, ctx.now())),
});
