import { requirePermission, syncParse } from "../../trpc";
import { resumeSubscription } from "../../webhooks/subscriptions";
import { subscriptionIdInput, subscriptionSchema } from "./webhook.schema";

/** Takes a paused subscription up again: its waiting deliveries go out, oldest first. */
export const resume = requirePermission("webhooks:manage")
  .input(syncParse(subscriptionIdInput))
  .output(syncParse(subscriptionSchema))
  .mutation(({ ctx, input }) => resumeSubscription(ctx.db, input.id, ctx.now()));
