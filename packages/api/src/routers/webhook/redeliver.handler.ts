import { requirePermission, syncParse } from "../../trpc";
import { redeliver as redeliverDelivery } from "../../webhooks/subscriptions";
import { redeliverInput, redeliveryOutput } from "./webhook.schema";

/** Queues the delivery's event again, due now (same message id). */
export const redeliver = requirePermission("webhooks:manage")
  .input(syncParse(redeliverInput))
  .output(syncParse(redeliveryOutput))
  .mutation(({ ctx, input }) => redeliverDelivery(ctx.db, input.deliveryId, ctx.now()));
