import { requirePermission, syncParse } from "../../trpc";
import { deleteSubscription } from "../../webhooks/subscriptions";
import { deletedSubscriptionSchema, subscriptionIdInput } from "./webhook.schema";

/** Deletes the subscription with its queue and log. */
export const deleteWebhook = requirePermission("webhooks:manage")
  .input(syncParse(subscriptionIdInput))
  .output(syncParse(deletedSubscriptionSchema))
  .mutation(({ ctx, input }) => deleteSubscription(ctx.db, input.id));
