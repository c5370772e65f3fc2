import { z } from "zod";
import { requirePermission, syncParse } from "../../trpc";
import { listSubscriptions } from "../../webhooks/subscriptions";
import { subscriptionSchema } from "./webhook.schema";

export const list = requirePermission("webhooks:manage")
  .output(syncParse(z.array(subscriptionSchema)))
  .query(({ ctx }) => listSubscriptions(ctx.db));
