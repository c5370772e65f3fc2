-- AlterTable
ALTER TABLE "employee_record" ADD COLUMN     "office_id" INTEGER;

-- CreateIndex
CREATE INDEX "employee_record_office_id_idx" ON "employee_record"("office_id");

-- AddForeignKey
ALTER TABLE "employee_record" ADD CONSTRAINT "employee_record_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Live events: every audit entry announces itself. NOTIFY is delivered only
-- when the writing transaction commits (a rolled-back write announces
-- nothing), and a trigger covers every write path, present and future. The
-- payload stays small (Postgres caps it at 8000 bytes): listeners read the
-- row and the entry's before/after values by id.
-- The body is an E'' string with \073 for each semicolon: the offline
-- migration runner (Prisma's driver adapter) splits scripts at every semicolon.
CREATE FUNCTION plano_notify_appointment_change() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''plano_appointment_change'', json_build_object(
    ''id'', NEW.id,
    ''appointmentId'', NEW.appointment_id,
    ''action'', NEW.action,
    ''actor'', NEW.actor,
    ''actorUserId'', NEW.actor_user_id,
    ''channel'', NEW.channel,
    ''fields'', (SELECT coalesce(json_agg(key), ''[]''::json) FROM jsonb_object_keys(NEW.changes) AS key)
  )::text)\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER appointment_change_notify
  AFTER INSERT ON "appointment_change"
  FOR EACH ROW EXECUTE FUNCTION plano_notify_appointment_change();
