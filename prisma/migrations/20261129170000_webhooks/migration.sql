-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "webhook_subscription_id" INTEGER;

-- CreateTable
CREATE TABLE "webhook_subscription" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "office_id" INTEGER,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "paused_at" TIMESTAMPTZ(3),
    "paused_reason" TEXT,
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_event" (
    "id" SERIAL NOT NULL,
    "appointment_id" INTEGER NOT NULL,
    "change_id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_delivery" (
    "id" SERIAL NOT NULL,
    "event_id" INTEGER NOT NULL,
    "subscription_id" INTEGER NOT NULL,
    "appointment_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "first_failed_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempt" (
    "id" SERIAL NOT NULL,
    "delivery_id" INTEGER NOT NULL,
    "subscription_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "response_head" TEXT,
    "error" TEXT,

    CONSTRAINT "webhook_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_event_appointment_id_id_idx" ON "webhook_event"("appointment_id", "id");

-- CreateIndex
CREATE INDEX "webhook_delivery_status_next_attempt_at_idx" ON "webhook_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_delivery_subscription_id_appointment_id_id_idx" ON "webhook_delivery"("subscription_id", "appointment_id", "id");

-- CreateIndex
CREATE INDEX "webhook_delivery_subscription_id_id_idx" ON "webhook_delivery"("subscription_id", "id");

-- CreateIndex
CREATE INDEX "webhook_attempt_subscription_id_id_idx" ON "webhook_attempt"("subscription_id", "id");

-- CreateIndex
CREATE INDEX "webhook_attempt_delivery_id_idx" ON "webhook_attempt"("delivery_id");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_webhook_subscription_id_fkey" FOREIGN KEY ("webhook_subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_subscription" ADD CONSTRAINT "webhook_subscription_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "webhook_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempt" ADD CONSTRAINT "webhook_attempt_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The durable queue entrance. Every write of an appointment inserts its
-- audit entry in the writer own transaction, whatever path it takes (the
-- tRPC/REST procedures, the CLI, the seed, any later write path), so a trigger
-- on that insert enqueues the webhook events and their deliveries in the same
-- transaction: committed together with the change, or not at all. Rows are
-- only written when some subscription wants the event, so writes without
-- subscribers pay one index-less probe of a tiny table.
--
-- Order: writes of one appointment serialize on its row lock, so the event ids
-- of one appointment grow in commit order; the workers deliver an
-- appointment events to a subscription oldest first (see packages/api/src/webhooks).
CREATE FUNCTION "plano_enqueue_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := NEW.changes;
  office integer;
  appointment_uuid uuid;
  types text[];
  event_type text;
  event_id integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "webhook_subscription") THEN
    RETURN NULL;
  END IF;
  SELECT a."uuid", a."office_id" INTO appointment_uuid, office FROM "appointment" a WHERE a."id" = NEW."appointment_id";
  IF changed ? 'officeId' THEN
    office := (changed -> 'officeId' ->> 'after')::integer;
  END IF;
  IF NEW."action" = 'create' THEN
    types := ARRAY['appointment.created'];
  ELSE
    types := ARRAY['appointment.updated'];
    IF (changed -> 'confirmed' ->> 'after') = 'true' THEN types := types || 'appointment.confirmed'::text; END IF;
    IF (changed -> 'cancelled' ->> 'after') = 'true' THEN types := types || 'appointment.cancelled'::text; END IF;
    IF changed ?| ARRAY['dateStartLocal', 'timeStartLocal', 'dateStopLocal', 'timeStopLocal', 'allday', 'timeZoneLocal', 'timeDurationS'] THEN
      types := types || 'appointment.moved'::text;
    END IF;
    IF changed ? 'photographerUserId' THEN types := types || 'appointment.reassigned'::text; END IF;
  END IF;

  FOREACH event_type IN ARRAY types LOOP
    IF EXISTS (
      SELECT 1 FROM "webhook_subscription" s
       WHERE event_type = ANY (s."events") AND (s."office_id" IS NULL OR s."office_id" = office)
    ) THEN
      INSERT INTO "webhook_event" ("appointment_id", "change_id", "type", "payload", "created_at")
      VALUES (
        NEW."appointment_id", NEW."id", event_type,
        jsonb_build_object(
          'type', event_type,
          'timestamp', to_char(NEW."at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'data', jsonb_build_object(
            'appointmentId', NEW."appointment_id",
            'uuid', appointment_uuid,
            'officeId', office,
            'changeId', NEW."id",
            'action', NEW."action",
            'actor', NEW."actor",
            'application', NEW."application",
            'channel', NEW."channel",
            'fields', COALESCE((SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(changed) k), '[]'::jsonb),
            'changes', changed
          )
        ),
        NEW."at"
      )
      RETURNING "id" INTO event_id;
      INSERT INTO "webhook_delivery" ("event_id", "subscription_id", "appointment_id", "next_attempt_at", "created_at")
      SELECT event_id, s."id", NEW."appointment_id", now(), now()
        FROM "webhook_subscription" s
       WHERE event_type = ANY (s."events") AND (s."office_id" IS NULL OR s."office_id" = office);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "appointment_change_enqueue_webhooks"
  AFTER INSERT ON "appointment_change"
  FOR EACH ROW EXECUTE FUNCTION "plano_enqueue_webhooks"();
