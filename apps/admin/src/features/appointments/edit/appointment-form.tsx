"use client";
/**
 * Create or edit an appointment. The form starts from a snapshot (`base`) that
 * only changes when this user saves, reloads or resolves a conflict, never
 * behind their back, so a save always carries the version they looked at.
 */
import type { Appointment, AppointmentPatch, CreateAppointmentInput, Warning } from "@plano/schema";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { errorMessageOf, planoErrorOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { LiveChangeNotice, useLiveAppointment } from "../live/live-change-notice";
import { ConflictDialog, type ConflictResolution } from "./conflict-dialog";
import { AssignmentFields, NotesFields, OrderFields, type PhotographerOption, RecordFields, Section, StatusFields } from "./form-sections";
import { type WritableKey, writableKeys } from "./form-model";
import { OverlapList, OverlapWarning } from "./overlap-warning";
import { type OfficeOption, ScheduleSection } from "./schedule-section";
import { type AppointmentPatchValues, useAppointmentForm } from "./use-appointment-form";

const isWritableKey = (field: string | undefined): field is WritableKey => writableKeys.includes(field as WritableKey);

interface Conflict {
  theirs: Appointment;
  mine: AppointmentPatchValues;
}

export function AppointmentForm({
  initial,
  offices,
  photographers,
  timeZones,
  onDirtyChange,
}: {
  initial: Appointment | null;
  offices: OfficeOption[];
  photographers: PhotographerOption[];
  timeZones: readonly string[];
  /** Told when the form gains or loses unsaved edits. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const router = useRouter();
  const [base, setBase] = useState(initial);
  const state = useAppointmentForm({ base, officeZone: (id) => offices.find((office) => office.id === id)?.timeZone });
  const { form } = state;
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [message, setMessage] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);
  // A retried create (double click, flaky network) must not make two appointments.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const update = api.appointment.update.useMutation();
  const create = api.appointment.create.useMutation();
  const utils = api.useUtils();
  const [photographerUserId, timeZoneLocal, officeId] = useWatch({ control: form.control, name: ["photographerUserId", "timeZoneLocal", "officeId"] });
  const { isDirty } = form.formState;
  const liveChange = useLiveAppointment(base?.id ?? null, base?.updatedAtMt ?? null);
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  const localZone = String(timeZoneLocal || offices.find((o) => String(o.id) === String(officeId))?.timeZone || "UTC");

  function applySaved(appointment: Appointment, resultWarnings: Warning[]) {
    setBase(appointment);
    state.resetTo(appointment);
    setWarnings(resultWarnings);
    setMessage({ tone: "success", text: "Saved." });
    utils.appointment.byId.setData({ id: appointment.id }, appointment);
    void utils.appointment.history.invalidate({ id: appointment.id });
    void utils.appointment.list.invalidate();
  }

  function showError(error: unknown, patch: AppointmentPatchValues) {
    const detail = planoErrorOf(error);
    if (detail?.reason === "update-conflict" && detail.current) {
      setConflict({ theirs: detail.current, mine: patch });
      return;
    }
    // The API names the field at fault: put its message on that input.
    if (isWritableKey(detail?.field)) form.setError(detail.field, { type: "server", message: errorMessageOf(error) }, { shouldFocus: true });
    setMessage({ tone: "error", text: errorMessageOf(error) });
  }

  async function save(patch: AppointmentPatchValues, against: Appointment | null) {
    setMessage(null);
    try {
      if (against) {
        if (Object.keys(patch).length === 0) return setMessage({ tone: "info", text: "Nothing has changed." });
        const result = await update.mutateAsync({ id: against.id, updatedAtMt: against.updatedAtMt, patch: patch as AppointmentPatch });
        applySaved(result.appointment, result.warnings);
      } else {
        const result = await create.mutateAsync({ ...(patch as CreateAppointmentInput), idempotencyKey });
        router.push(`/appointments/${result.appointment.id}`);
      }
    } catch (error) {
      showError(error, patch);
    }
  }

  function resolveConflict({ keep, theirs }: ConflictResolution) {
    setConflict(null);
    setBase(theirs);
    state.resetTo(theirs, keep);
    if (Object.keys(keep).length > 0) void save(keep, theirs);
    else setMessage({ tone: "info", text: "Their version is shown; nothing of yours was kept." });
  }

  function reload(theirs: Appointment) {
    setConflict(null);
    applySaved(theirs, []);
    setMessage({ tone: "info", text: "Reloaded: this is the appointment as it is saved now." });
  }

  const saving = update.isPending || create.isPending;
  return (
    <form noValidate onSubmit={form.handleSubmit(() => save(state.patch(), base))} className="flex flex-col gap-4" aria-label={base ? "Edit appointment" : "New appointment"}>
      {liveChange && !conflict ? (
        <LiveChangeNotice
          change={liveChange}
          hasEdits={isDirty}
          onCompare={() => setConflict({ theirs: liveChange.appointment, mine: state.patch() })}
          onLoadTheirs={() => reload(liveChange.appointment)}
        />
      ) : null}
      <Section title="Schedule">
        <ScheduleSection state={state} offices={offices} timeZones={timeZones} />
      </Section>
      <OverlapWarning
        appointmentId={base?.id ?? null}
        photographerUserId={photographerUserId === "" ? null : Number(photographerUserId)}
        slot={state.slot}
        timeZone={localZone}
      />
      <Section title="Status">
        <StatusFields state={state} base={base} />
      </Section>
      <Section title="Assignment">
        <AssignmentFields state={state} photographers={photographers} />
      </Section>
      <Section title="Order">
        <OrderFields state={state} />
      </Section>
      <Section title="Notes">
        <NotesFields state={state} />
      </Section>
      {base ? (
        <Section title="Record">
          <RecordFields state={state} base={base} />
        </Section>
      ) : null}

      <div className="sticky bottom-0 flex flex-col gap-2 border-t border-slate-200 bg-slate-50/95 py-3">
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {warnings.map((warning) =>
          warning.overlaps ? <OverlapList key={warning.code} overlaps={warning.overlaps} timeZone={localZone} /> : <Notice key={warning.code} tone="warning">{warning.message}</Notice>,
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : base ? "Save changes" : "Create appointment"}
          </Button>
          {base ? (
            <Button variant="ghost" onClick={() => state.resetTo(base)} disabled={saving || !isDirty}>
              Discard changes
            </Button>
          ) : null}
        </div>
      </div>

      {conflict && base ? <ConflictDialog
          base={base}
          theirs={conflict.theirs}
          mine={conflict.mine}
          onResolve={resolveConflict}
          onReload={reload}
          onDismiss={() => {
            setConflict(null);
            setMessage({ tone: "info", text: "Not saved: someone else's changes are waiting for your decision. Save again to compare." });
          }}
        /> : null}
    </form>
  );
}
