/**
 * Unsaved edits survive a reload or a crash: the form's patch is kept in this
 * browser's localStorage, with the record it was based on, so a restored draft
 * is saved against that version (and a newer save meanwhile opens the conflict
 * view instead of being overwritten).
 */
import type { Appointment } from "@plano/schema";
import type { AppointmentPatchValues } from "./use-appointment-form";

export interface Draft {
  basedOn: Appointment | null;
  patch: AppointmentPatchValues;
  savedAt: string;
}

const keyOf = (appointmentId: number | null) => `plano:draft:${appointmentId ?? "new"}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (privacy settings): drafts are simply not kept
  }
}

export function loadDraft(appointmentId: number | null): Draft | null {
  try {
    const text = storage()?.getItem(keyOf(appointmentId));
    if (!text) return null;
    const draft = JSON.parse(text) as Draft;
    const sameRecord = appointmentId === null ? draft.basedOn === null : draft.basedOn?.id === appointmentId;
    return sameRecord && draft.patch && typeof draft.patch === "object" && Object.keys(draft.patch).length > 0 ? draft : null;
  } catch {
    return null; // a damaged draft is no draft
  }
}

export function saveDraft(appointmentId: number | null, draft: Omit<Draft, "savedAt">) {
  try {
    storage()?.setItem(keyOf(appointmentId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
  } catch {
    // quota or privacy mode: nothing to do, the form itself still holds the edits
  }
}

export function clearDraft(appointmentId: number | null) {
  try {
    storage()?.removeItem(keyOf(appointmentId));
  } catch {
    // as above
  }
}
