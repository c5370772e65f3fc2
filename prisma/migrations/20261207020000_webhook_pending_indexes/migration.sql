-- The claim (packages/api/src/webhooks/queue.ts) asks two things of pending
-- deliveries only: the oldest due ones in id order, and whether an older one of
-- the same appointment and subscription is still pending. Over the whole table
-- both walked the delivered history too: with ~500 delivered rows per
-- appointment and 10,000 pending, one claim read 4.9 million buffers (5 s),
-- and the queue fell behind the writes. Indexes over pending rows only make
-- both a few index probes, whatever the history.
DROP INDEX "webhook_delivery_subscription_id_appointment_id_id_idx";

CREATE INDEX "webhook_delivery_pending_order_idx" ON "webhook_delivery"("subscription_id", "appointment_id", "id") WHERE "status" = 'pending';

CREATE INDEX "webhook_delivery_pending_id_idx" ON "webhook_delivery"("id") WHERE "status" = 'pending';
