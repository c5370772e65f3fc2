import { z } from "zod";
import { requirePermission, syncParse } from "../../trpc";
import { deliveryLog, deliveryLogInput } from "../../webhooks/subscriptions";
import { deliveryAttemptSchema } from "./webhook.schema";

/** The delivery log, newest attempt first. */
export const deliveries = requirePermission("webhooks:manage")
  .input(syncParse(deliveryLogInput))
  .output(syncParse(z.array(deliveryAttemptSchema)))
  .query(({ ctx, input }) => deliveryLog(ctx.db, input));
