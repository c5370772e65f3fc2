-- AlterTable
ALTER TABLE "appointment" ADD COLUMN     "is_long" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: appointments that already last more than a day.
UPDATE "appointment" SET "is_long" = true WHERE "stops_at" - "starts_at" > interval '24 hours';

-- CreateIndex
CREATE INDEX "appointment_photographer_user_id_is_long_starts_at_idx" ON "appointment"("photographer_user_id", "is_long", "starts_at");
