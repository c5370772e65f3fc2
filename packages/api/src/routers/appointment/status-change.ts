/**
 * Confirm and cancel are idempotent: doing one on an appointment already in
 * that state changes nothing and answers the record (FileMaker retries
 * requests that timed out). Under concurrency, all racers but one lose the
 * compare-and-set; a loser re-reads the record, and if the winner already made
 * the change, its answer is the same no-op. A loser that met some other edit
 * tries again on the fresh record, unless the caller named the version it read
 * (`updatedAtMt`): then that edit is a real conflict.
 */
import type { AppointmentPatch, AppointmentResult } from "@plano/schema";
import type { Context } from "../../context";
import { loadAppointment, type LoadedAppointment } from "../../store/appointment-load";
import { toAppointment } from "../../domain/appointment-record";
import type { Principal } from "../../auth/principal";
import { planoErrorOf } from "../../errors";
import { saveAndNotify } from "./save-and-notify";

/** Other writers' edits a version-less confirm/cancel retries through before giving up with the conflict. */
const MAX_ATTEMPTS = 5;

interface StatusChange {
  action: "confirm" | "cancel";
  done: (row: { confirmed: boolean; cancelled: boolean }) => boolean;
  patch: AppointmentPatch;
  updatedAtMt: string | undefined;
}

export async function changeStatus(
  ctx: Context & { principal: Principal; appointment: Omit<LoadedAppointment, "order"> },
  change: StatusChange,
): Promise<AppointmentResult> {
  let row: Omit<LoadedAppointment, "order"> = ctx.appointment;
  for (let attempt = 1; ; attempt++) {
    if (change.done(row)) return { appointment: toAppointment(row), warnings: [] };
    try {
      // The same path as an update setting the flag: stamps, permissions and emails (save-and-notify.ts).
      return await saveAndNotify({ ...ctx, appointment: row }, change.patch, change.updatedAtMt, change.action);
    } catch (error) {
      if (planoErrorOf(error)?.reason !== "update-conflict") throw error;
      const current = await loadAppointment(ctx.db, { id: row.id });
      if (!current) throw error;
      if (change.done(current)) return { appointment: toAppointment(current), warnings: [] };
      if (change.updatedAtMt !== undefined || attempt >= MAX_ATTEMPTS) throw error;
      row = current;
    }
  }
}
