import { z } from "zod";
import { requirePermission } from "../../trpc";
import { listSubscriptions } from "../../webhooks/subscriptions";
import { subscriptionSchema } from "./webhook.schema";

export const list = requirePermission("webhooks:manage")
  .output(z.array(subscriptionSchema))
  .query(({ ctx }) => listSubscriptions(ctx.db));
