/**
 * Webhook subscriptions for the admin (and services): create, list, delete,
 * resume a paused one, read the delivery log, redeliver. Needs
 * `webhooks:manage` (schedulers).
 */
import { createTRPCRouter } from "../../trpc";
import { create } from "./create.handler";
import { deleteWebhook } from "./delete.handler";
import { deliveries } from "./deliveries.handler";
import { list } from "./list.handler";
import { redeliver } from "./redeliver.handler";
import { resume } from "./resume.handler";

export const webhookRouter = createTRPCRouter({ list, create, delete: deleteWebhook, resume, deliveries, redeliver });
