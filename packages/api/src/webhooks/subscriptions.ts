/**
 * Managing subscriptions and their delivery log; the one rule path for the
 * tRPC `webhook` router and the CLI's `webhook:*` commands.
 */
import dns from "node:dns/promises";
import type { Db } from "@plano/db";
import { webhookSubscriptionInput, type WebhookSubscriptionInput } from "@plano/schema";
import { z } from "zod";
import { fail } from "../errors";
import { literalRefusal, type AddressPolicy } from "./address-policy";
import { deliveryStatuses, WEBHOOK_PAUSED_NOTICE } from "./queue";
import { generateWebhookSecret, messageIdOf } from "./signing";

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** First field and message of a zod failure, as our invalid-param error. */
function parseInput(input: unknown) {
  const parsed = webhookSubscriptionInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? "input");
  return fail("invalid-param", `${field}: ${issue.message}`, { field, fields: [field] });
}

/** Refuses a URL whose host is, or resolves to, an address the policy refuses (the worker checks again at each delivery). */
async function checkAddress(url: string, policy: AddressPolicy): Promise<void> {
  const { hostname } = new URL(url);
  const literal = literalRefusal(policy, hostname);
  if (literal) fail("invalid-param", `url: ${literal.message}`, { field: "url", fields: ["url"] });
  let addresses: { address: string }[] = [];
  try {
    addresses = await dns.lookup(hostname, { all: true });
  } catch {
    return; // not resolvable yet: the receiver may be deployed later; each delivery resolves again
  }
  for (const { address } of addresses) {
    const refused = policy.refusal(address);
    if (refused) fail("invalid-param", `url: ${hostname} resolves to ${refused.message}`, { field: "url", fields: ["url"] });
  }
}

export async function createSubscription(db: Db, input: WebhookSubscriptionInput, policy: AddressPolicy, now: Date) {
  const data = parseInput(input);
  await checkAddress(data.url, policy);
  if (data.officeId != null && !(await db.office.findUnique({ where: { id: data.officeId }, select: { id: true } }))) {
    fail("invalid-param", `officeId: no office with id ${data.officeId}`, { field: "officeId", fields: ["officeId"] });
  }
  const row = await db.webhookSubscription.create({
    data: {
      url: data.url,
      secret: data.secret ?? generateWebhookSecret(),
      events: data.events,
      officeId: data.officeId ?? null,
      description: data.description ?? null,
      createdAt: now,
    },
  });
  // The secret is shown once, here; lists show only its start.
  return { ...(await toSubscription(db, row)), secret: row.secret };
}

type SubscriptionRow = Awaited<ReturnType<Db["webhookSubscription"]["findUniqueOrThrow"]>>;

async function toSubscription(db: Db, row: SubscriptionRow) {
  const pending = await db.webhookDelivery.count({ where: { subscriptionId: row.id, status: deliveryStatuses.pending } });
  const last = await db.webhookAttempt.findFirst({ where: { subscriptionId: row.id }, orderBy: { id: "desc" } });
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    officeId: row.officeId,
    description: row.description,
    status: row.status as "active" | "paused",
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    failingSince: iso(row.failingSince),
    createdAt: row.createdAt.toISOString(),
    secretPreview: `${row.secret.slice(0, 10)}…`,
    pending,
    lastAttempt: last && { at: last.at.toISOString(), ok: last.ok, statusCode: last.statusCode, error: last.error },
  };
}

export async function listSubscriptions(db: Db) {
  const rows = await db.webhookSubscription.findMany({ orderBy: { id: "asc" } });
  return Promise.all(rows.map((row) => toSubscription(db, row)));
}

async function subscriptionOrFail(db: Db, id: number): Promise<SubscriptionRow> {
  const row = await db.webhookSubscription.findUnique({ where: { id } });
  return row ?? fail("not-found", `id: no webhook subscription with id ${id}`, { field: "id", fields: ["id"] });
}

/** Deletes the subscription with its queue and log. */
export async function deleteSubscription(db: Db, id: number) {
  const row = await subscriptionOrFail(db, id);
  await db.webhookSubscription.delete({ where: { id } });
  return { id: row.id, url: row.url, deleted: true as const };
}

/** Takes a paused subscription up again: its waiting deliveries go out, oldest first. */
export async function resumeSubscription(db: Db, id: number, now: Date) {
  await subscriptionOrFail(db, id);
  await db.$transaction([
    db.webhookSubscription.update({ where: { id }, data: { status: "active", pausedAt: null, pausedReason: null, failingSince: null } }),
    // Retries start afresh: waiting deliveries are due now and get a new window.
    db.webhookDelivery.updateMany({
      where: { subscriptionId: id, status: deliveryStatuses.pending },
      data: { nextAttemptAt: now, firstFailedAt: null },
    }),
    db.notification.updateMany({ where: { webhookSubscriptionId: id, kind: WEBHOOK_PAUSED_NOTICE, resolvedAt: null }, data: { resolvedAt: now } }),
  ]);
  return toSubscription(db, await db.webhookSubscription.findUniqueOrThrow({ where: { id } }));
}

export const deliveryLogInput = z.object({
  subscriptionId: z.number().int().positive(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The last attempt id of the previous page. */
  before: z.number().int().positive().optional(),
});

/** The delivery log, newest attempt first. */
export async function deliveryLog(db: Db, input: z.infer<typeof deliveryLogInput>) {
  await subscriptionOrFail(db, input.subscriptionId);
  const rows = await db.webhookAttempt.findMany({
    where: { subscriptionId: input.subscriptionId, ...(input.before ? { id: { lt: input.before } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit,
    include: { delivery: { include: { event: { select: { id: true, type: true, appointmentId: true } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    deliveryId: row.deliveryId,
    messageId: messageIdOf(row.delivery.event.id),
    eventType: row.delivery.event.type,
    appointmentId: row.delivery.event.appointmentId,
    deliveryStatus: row.delivery.status,
    at: row.at.toISOString(),
    ok: row.ok,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    responseHead: row.responseHead,
    error: row.error,
  }));
}

/** Queues the delivery's event again for its subscription, due now (same message id: receivers that saw it drop it). */
export async function redeliver(db: Db, deliveryId: number, now: Date) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return fail("not-found", `deliveryId: no webhook delivery with id ${deliveryId}`, { field: "deliveryId", fields: ["deliveryId"] });
  if (delivery.status === deliveryStatuses.pending) {
    await db.webhookDelivery.updateMany({ where: { id: deliveryId, status: deliveryStatuses.pending }, data: { nextAttemptAt: now } });
    return { deliveryId, status: deliveryStatuses.pending };
  }
  const fresh = await db.webhookDelivery.create({
    data: {
      eventId: delivery.eventId,
      subscriptionId: delivery.subscriptionId,
      appointmentId: delivery.appointmentId,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
  return { deliveryId: fresh.id, status: deliveryStatuses.pending };
}
