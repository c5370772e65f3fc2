import { webhookSubscriptionInput } from "@plano/schema";
import { requirePermission, syncParse } from "../../trpc";
import { addressPolicy } from "../../webhooks/address-policy";
import { createSubscription } from "../../webhooks/subscriptions";
import { createdSubscriptionSchema } from "./webhook.schema";

const strictPolicy = addressPolicy();

/** Answers with the secret, once; keep it for the receiver. */
export const create = requirePermission("webhooks:manage")
  .input(syncParse(webhookSubscriptionInput))
  .output(syncParse(createdSubscriptionSchema))
  .mutation(({ ctx, input }) => createSubscription(ctx.db, input, ctx.webhookPolicy ?? strictPolicy, ctx.now()));
