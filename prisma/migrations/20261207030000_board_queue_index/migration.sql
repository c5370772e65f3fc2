-- CreateIndex: the dispatch board's ready-to-schedule queue (store/board.ts), by office and start.
-- A few percent of the rows; the queue walked the unplaced appointments of every office through
-- (photographer_user_id, starts_at, id) and fetched each from the heap to filter by office.
CREATE INDEX "appointment_queue_idx" ON "appointment"("office_id", "starts_at", "id") WHERE ("photographer_user_id" IS NULL AND "ready_to_schedule" = true AND "cancelled" = false);
