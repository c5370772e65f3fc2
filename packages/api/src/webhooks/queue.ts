/**
 * The delivery queue in PostgreSQL. A trigger fills it in the writer's own
 * transaction (prisma/migrations/20261129170000_webhooks); workers in every
 * API process take rows with `FOR UPDATE SKIP LOCKED`.
 *
 * Why SKIP LOCKED on our own table and not pg-boss: the enqueue has to happen
 * inside the write's transaction, from a trigger, for every write path; a
 * pg-boss job is created through its API (its own connection and schema), so
 * it would need a second hop from our table into its queue anyway, and its
 * per-queue ordering is not per appointment.
 *
 * Order: a delivery is taken only when no older delivery of the same
 * appointment to the same subscription is still pending, so each receiver
 * sees an appointment's events in commit order, whatever the number of
 * workers. A taken row is leased (its `next_attempt_at` moves past the
 * attempt); if the worker dies, the lease runs out and another worker takes
 * it: at least once, never lost.
 */
import type { Prisma, Db } from "@plano/db";
import { rows, sql } from "../store/client";
import { leaseMs, type WebhookOptions } from "./options";
import { messageIdOf, webhookHeaders } from "./signing";
import type { SendResult } from "./send";

export const WEBHOOK_PAUSED_NOTICE = "webhook-paused";

export const deliveryStatuses = { pending: "pending", delivered: "delivered", failed: "failed" } as const;

export interface ClaimedDelivery {
  id: number;
  attempts: number;
  firstFailedAt: Date | null;
  subscriptionId: number;
  appointmentId: number;
  eventId: number;
  payload: unknown;
  url: string;
  secret: string;
}

const iso = (date: Date) => date.toISOString();

/**
 * Takes up to `limit` due deliveries, oldest first: none of a subscription in `busy`, and of any other no more
 * than it has left of `perSubscription` (`inFlight` counts what each already has in flight).
 *
 * Its cost must not grow with the backlog or the history, or a queue that falls
 * behind falls further behind. The plan walks `webhook_delivery_pending_id_idx`
 * in id order and stops at `limit` rows; each candidate's "older one pending?"
 * is one probe of `webhook_delivery_pending_order_idx`. The active subscriptions
 * are an array computed once (an InitPlan), not a join: joined, the planner
 * hashed them, lost the index order and sorted the whole backlog on every claim
 * (10,000 pending rows: 30 ms a claim; now 0.2 ms; plans in the commit message).
 * A subscription's share is cut after the rows are locked (a window function cannot sit beside FOR UPDATE):
 * the rows over its share are only locked for this statement, not leased, and stay due.
 */
export async function claimDue(
  db: Db,
  limit: number,
  busy: readonly number[],
  options: WebhookOptions,
  inFlight: ReadonlyMap<number, number>,
): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const now = options.clock();
  const until = new Date(now.getTime() + leaseMs(options));
  // On the store's query, unprepared (its plan must see the values, see above): it runs every poll of every idle
  // process, and Prisma compiling it each time cost more CPU than the statement (bench/, issue 13).
  return rows<ClaimedDelivery>(
    db,
    sql`
    WITH due AS (
      SELECT d.id, d.subscription_id FROM webhook_delivery d
       WHERE d.status = 'pending' AND d.next_attempt_at <= ${iso(now)}::timestamptz
         AND d.subscription_id = ANY (ARRAY(SELECT s.id FROM webhook_subscription s WHERE s.status = 'active'))
         AND d.subscription_id <> ALL (${[...busy]}::int[])
         AND NOT EXISTS (
           SELECT 1 FROM webhook_delivery older
            WHERE older.subscription_id = d.subscription_id AND older.appointment_id = d.appointment_id
              AND older.status = 'pending' AND older.id < d.id)
       ORDER BY d.id
       LIMIT ${limit}
       FOR UPDATE OF d SKIP LOCKED
    ), ranked AS (
      SELECT due.id, due.subscription_id, row_number() OVER (PARTITION BY due.subscription_id ORDER BY due.id) AS n FROM due
    ), taken AS (
      SELECT ranked.id FROM ranked
        LEFT JOIN unnest(${[...inFlight.keys()]}::int[], ${[...inFlight.values()]}::int[]) AS f(subscription_id, in_flight)
          ON f.subscription_id = ranked.subscription_id
       WHERE ranked.n <= ${options.perSubscription}::int - COALESCE(f.in_flight, 0)
    )
    UPDATE webhook_delivery d
       SET next_attempt_at = ${iso(until)}::timestamptz, attempts = d.attempts + 1
      FROM taken, webhook_event e, webhook_subscription s
     WHERE d.id = taken.id AND e.id = d.event_id AND s.id = d.subscription_id
    RETURNING d.id, d.attempts, d.first_failed_at AS "firstFailedAt", d.subscription_id AS "subscriptionId",
              d.appointment_id AS "appointmentId", e.id AS "eventId", e.payload, s.url, s.secret`,
    { prepared: false },
  );
}

/** The signed request for a claimed delivery; signed at send time, so the timestamp is fresh on every retry. */
export function requestOf(delivery: ClaimedDelivery, now: Date) {
  const body = JSON.stringify(delivery.payload);
  return { body, headers: webhookHeaders(delivery.secret, messageIdOf(delivery.eventId), now, body) };
}

/** The delay before retry n (n ≥ 1): doubling from the base, capped, with "equal jitter" (half fixed, half random). */
export function retryDelayMs(failedAttempts: number, options: Pick<WebhookOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  const ceiling = Math.min(options.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1), options.maxDelayMs);
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

const STORED_HEAD_BYTES = 1024;

function attemptRow(delivery: ClaimedDelivery, result: SendResult, at: Date): Prisma.WebhookAttemptCreateManyInput {
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    at,
    ok: result.ok,
    statusCode: result.statusCode,
    latencyMs: result.latencyMs,
    // NUL cannot be stored in a text column; the head is for people to read.
    responseHead: result.responseHead === null ? null : result.responseHead.slice(0, STORED_HEAD_BYTES).replaceAll("\u0000", "\uFFFD"),
    error: result.error?.slice(0, 1000) ?? null,
  };
}

export interface Outcome {
  delivery: ClaimedDelivery;
  result: SendResult;
  /** When the attempt ended: its log row's time (and the delivery's `delivered_at`), whenever it is recorded. */
  at: Date;
}

/**
 * Records successful attempts, however many, in one statement (one round trip, atomic): each delivery delivered
 * at its own time, one log row each with its own status and latency (in the order given), and their subscriptions
 * healthy again. If it fails, none is recorded: their rows stay leased and are sent again when the lease runs out.
 */
export async function recordDelivered(db: Db, outcomes: readonly Outcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map(({ delivery, result, at }) => attemptRow(delivery, result, at));
  await db.$executeRaw`
    WITH done AS (
      SELECT * FROM unnest(${rows.map((r) => r.deliveryId)}::int[], ${rows.map((r) => r.subscriptionId)}::int[],
                           ${outcomes.map((o) => iso(o.at))}::timestamptz[], ${rows.map((r) => r.statusCode ?? null)}::int[],
                           ${rows.map((r) => r.latencyMs)}::int[], ${rows.map((r) => r.responseHead ?? null)}::text[])
             WITH ORDINALITY AS t(delivery_id, subscription_id, at, status_code, latency_ms, response_head, n)
    ), delivered AS (
      UPDATE webhook_delivery d SET status = 'delivered', delivered_at = done.at FROM done WHERE d.id = done.delivery_id
    ), logged AS (
      INSERT INTO webhook_attempt (delivery_id, subscription_id, at, ok, status_code, latency_ms, response_head, error)
      SELECT delivery_id, subscription_id, at, true, status_code, latency_ms, response_head, NULL FROM done ORDER BY n
    ), recovered AS (
      -- Locked in id order: two workers' batches clearing the same subscriptions cannot deadlock.
      SELECT s.id FROM webhook_subscription s
       WHERE s.id IN (SELECT subscription_id FROM done) AND s.failing_since IS NOT NULL
       ORDER BY s.id
       FOR UPDATE
    )
    UPDATE webhook_subscription s SET failing_since = NULL FROM recovered WHERE s.id = recovered.id`;
}

/** Records an attempt's outcome: delivered, or the next retry (or giving up), and the subscription's health. */
export async function recordOutcome(db: Db, delivery: ClaimedDelivery, result: SendResult, options: WebhookOptions): Promise<void> {
  const now = options.clock();
  if (result.ok) return recordDelivered(db, [{ delivery, result, at: now }]);
  const firstFailedAt = delivery.firstFailedAt ?? now;
  const paused = await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: attemptRow(delivery, result, now) });
    const [subscription] = await tx.$queryRaw<{ failingSince: Date; status: string }[]>`
      UPDATE webhook_subscription SET failing_since = COALESCE(failing_since, ${iso(now)}::timestamptz)
       WHERE id = ${delivery.subscriptionId}
      RETURNING failing_since AS "failingSince", status`;
    const pausing = subscription?.status === "active" && now.getTime() - subscription.failingSince.getTime() >= options.retryWindowMs;
    // Failing alone while its subscription works, a delivery is given up after the window; when the whole
    // subscription fails that long, it is paused instead and its deliveries wait for it, none dropped.
    const givingUp = !pausing && now.getTime() - firstFailedAt.getTime() >= options.retryWindowMs;
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: givingUp
        ? { status: deliveryStatuses.failed, firstFailedAt }
        : { firstFailedAt, nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, options)) },
    });
    return pausing;
  });
  if (paused) {
    await pauseSubscription(db, delivery.subscriptionId, `every delivery failed since ${iso(firstFailedAt)} (last: ${result.error ?? "?"})`, now);
  }
}

/** Pauses a subscription (its deliveries wait, none is dropped) and tells the admins through a notification. */
export async function pauseSubscription(db: Db, subscriptionId: number, reason: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookSubscription.updateMany({
    where: { id: subscriptionId, status: "active" },
    data: { status: "paused", pausedAt: now, pausedReason: reason },
  });
  if (count === 0) return false;
  const subscription = await db.webhookSubscription.findUniqueOrThrow({ where: { id: subscriptionId }, select: { url: true } });
  await db.notification.create({
    data: {
      kind: WEBHOOK_PAUSED_NOTICE,
      message: `The webhook to ${subscription.url} was paused: ${reason}. Its events are kept; resume it once the receiver works.`,
      webhookSubscriptionId: subscriptionId,
      createdAt: now,
    },
  });
  return true;
}
