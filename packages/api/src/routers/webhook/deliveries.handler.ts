import { z } from "zod";
import { requirePermission } from "../../trpc";
import { deliveryLog, deliveryLogInput } from "../../webhooks/subscriptions";
import { deliveryAttemptSchema } from "./webhook.schema";

/** The delivery log, newest attempt first. */
export const deliveries = requirePermission("webhooks:manage")
  .input(deliveryLogInput)
  .output(z.array(deliveryAttemptSchema))
  .query(({ ctx, input }) => deliveryLog(ctx.db, input));
