import { requirePermission } from "../../trpc";
import { redeliver as redeliverDelivery } from "../../webhooks/subscriptions";
import { redeliverInput, redeliveryOutput } from "./webhook.schema";

/** Queues the delivery's event again, due now (same message id). */
export const redeliver = requirePermission("webhooks:manage")
  .input(redeliverInput)
  .output(redeliveryOutput)
  .mutation(({ ctx, input }) => redeliverDelivery(ctx.db, input.deliveryId, ctx.now()));
