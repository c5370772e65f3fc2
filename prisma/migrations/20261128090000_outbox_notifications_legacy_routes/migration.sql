-- CreateTable
CREATE TABLE "outbox_email" (
    "id" SERIAL NOT NULL,
    "appointment_id" INTEGER,
    "to_email" TEXT NOT NULL,
    "to_name" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_email_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "appointment_id" INTEGER,
    "outbox_email_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legacy_service" (
    "name" TEXT NOT NULL,
    "deployed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "legacy_service_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "legacy_route" (
    "path" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "deployed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "legacy_route_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "outbox_email_status_next_attempt_at_idx" ON "outbox_email"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notification_resolved_at_created_at_idx" ON "notification"("resolved_at", "created_at");

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_outbox_email_id_fkey" FOREIGN KEY ("outbox_email_id") REFERENCES "outbox_email"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legacy_route" ADD CONSTRAINT "legacy_route_service_fkey" FOREIGN KEY ("service") REFERENCES "legacy_service"("name") ON DELETE RESTRICT ON UPDATE CASCADE;
