-- Trigram matching backs the free-text search index on appointment.search_text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "change_channel" AS ENUM ('trpc', 'rest', 'admin', 'cli');

-- CreateTable
CREATE TABLE "office" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_record" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "employee_record" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "is_photographer" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "employee_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "liaison_record" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "liaison_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role" (
    "id" SERIAL NOT NULL,
    "application_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "permissions" TEXT[],

    CONSTRAINT "role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_role" (
    "user_id" INTEGER NOT NULL,
    "role_id" INTEGER NOT NULL,

    CONSTRAINT "user_role_pkey" PRIMARY KEY ("user_id","role_id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "remember_me" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "application_token" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "application_id" INTEGER NOT NULL,
    "role_id" INTEGER,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "application_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order" (
    "id" SERIAL NOT NULL,
    "client_id" INTEGER,
    "reference" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment" (
    "id" SERIAL NOT NULL,
    "uuid" UUID NOT NULL,
    "office_id" INTEGER NOT NULL,
    "time_zone_local" TEXT NOT NULL,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "allday" BOOLEAN NOT NULL DEFAULT false,
    "appt_type" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "confirmed_by" TEXT,
    "date_start_local" DATE,
    "time_start_local" TIME(0),
    "date_stop_local" DATE,
    "time_stop_local" TIME(0),
    "date_start_office" DATE,
    "time_start_office" TIME(0),
    "date_stop_office" DATE,
    "time_stop_office" TIME(0),
    "date_start_utc" DATE,
    "time_start_utc" TIME(0),
    "date_stop_utc" DATE,
    "time_stop_utc" TIME(0),
    "starts_at" TIMESTAMPTZ(3),
    "stops_at" TIMESTAMPTZ(3),
    "time_duration_s" INTEGER,
    "time_duration" TEXT,
    "delivery_type" TEXT,
    "description" TEXT,
    "location" TEXT,
    "notes" TEXT,
    "summary" TEXT,
    "on_site_cancel" BOOLEAN NOT NULL DEFAULT false,
    "same_day_cancel" BOOLEAN NOT NULL DEFAULT false,
    "cancel_reason" TEXT,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "ready_to_schedule" BOOLEAN NOT NULL DEFAULT false,
    "order_id" INTEGER,
    "order_request_id" INTEGER,
    "order_request_appt_id" INTEGER,
    "photographer_user_id" INTEGER,
    "photographer_name" TEXT,
    "requested_date" DATE,
    "requested_time" TIME(0),
    "window_date_start" DATE,
    "window_date_end" DATE,
    "window_time_start" INTEGER,
    "window_time_end" INTEGER,
    "created_by" TEXT,
    "created_in" TEXT,
    "updated_by" TEXT,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appointment_change" (
    "id" SERIAL NOT NULL,
    "appointment_id" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "actor_user_id" INTEGER,
    "application" TEXT,
    "channel" "change_channel" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB NOT NULL,

    CONSTRAINT "appointment_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_key" (
    "principal" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "appointment_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("principal","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "office_name_key" ON "office"("name");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "client_record_user_id_key" ON "client_record"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "employee_record_user_id_key" ON "employee_record"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "liaison_record_user_id_key" ON "liaison_record"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_slug_key" ON "application"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "role_application_id_name_key" ON "role"("application_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_token_token_hash_key" ON "application_token"("token_hash");

-- CreateIndex
CREATE INDEX "order_client_id_idx" ON "order"("client_id");

-- CreateIndex
CREATE UNIQUE INDEX "appointment_uuid_key" ON "appointment"("uuid");

-- CreateIndex
CREATE INDEX "appointment_photographer_user_id_starts_at_id_idx" ON "appointment"("photographer_user_id", "starts_at", "id");

-- CreateIndex
CREATE INDEX "appointment_office_id_starts_at_id_idx" ON "appointment"("office_id", "starts_at", "id");

-- CreateIndex
CREATE INDEX "appointment_starts_at_id_idx" ON "appointment"("starts_at", "id");

-- CreateIndex
CREATE INDEX "appointment_order_id_idx" ON "appointment"("order_id");

-- CreateIndex
CREATE INDEX "appointment_date_start_local_idx" ON "appointment"("date_start_local");

-- CreateIndex
CREATE INDEX "appointment_search_text_idx" ON "appointment" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "appointment_change_appointment_id_id_idx" ON "appointment_change"("appointment_id", "id");

-- AddForeignKey
ALTER TABLE "client_record" ADD CONSTRAINT "client_record_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee_record" ADD CONSTRAINT "employee_record_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "liaison_record" ADD CONSTRAINT "liaison_record_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role" ADD CONSTRAINT "role_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_token" ADD CONSTRAINT "application_token_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "application_token" ADD CONSTRAINT "application_token_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order" ADD CONSTRAINT "order_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "client_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment" ADD CONSTRAINT "appointment_photographer_user_id_fkey" FOREIGN KEY ("photographer_user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appointment_change" ADD CONSTRAINT "appointment_change_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_appointment_id_fkey" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

