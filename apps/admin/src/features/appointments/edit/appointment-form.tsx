"use client";
/**
 * Create or edit an appointment. The form starts from a snapshot (`base`) that
 * only changes when this user saves, reloads or resolves a conflict, never
 * behind their back, so a save always carries the version they looked at.
 */
import type { Appointment, AppointmentPatch, CreateAppointmentInput, Warning } from "@plano/schema";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useHydrated } from "~/lib/use-hydrated";
import { useWatch } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { errorMessageOf, planoErrorOf, savedDespiteEmail } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { LiveChangeNotice, useLiveAppointment } from "../live/live-change-notice";
import type { ConflictResolution } from "./conflict-dialog";
import { formatInstantIn } from "~/lib/time-display";
import { clearDraft, type Draft, loadDraft, saveDraft } from "./draft-store";
import { AssignmentFields, DetailFields, LegacyFields, RecordFields, Section, StatusFields } from "./form-sections";
import { type WritableKey, writableKeys } from "./form-model";
import { OverlapList, OverlapWarning } from "./overlap-warning";
import { type OfficeOption, ScheduleSection } from "./schedule-section";
import { type AppointmentPatchValues, useAppointmentForm } from "./use-appointment-form";
import { useLeaveGuard } from "./use-leave-guard";

// Only a refused save opens it: loaded then, not with the page (React's lazy: it is never in the server's HTML).
const ConflictDialog = lazy(() => import("./conflict-dialog").then((module) => ({ default: module.ConflictDialog })));
import { WhenSection } from "./when-section";

/** Fields outside "All fields": their errors show where the user already is. */
const everydayFields = new Set<string>([
  "officeId",
  "timeZoneLocal",
  "dateStartLocal",
  "timeStartLocal",
  "timeDuration",
  "allday",
  "photographerUserId",
  "confirmed",
  "optional",
  "readyToSchedule",
  "cancelled",
  "cancelReason",
  "summary",
  "apptType",
  "location",
  "orderId",
  "notes",
]);

const isWritableKey = (field: string | undefined): field is WritableKey => writableKeys.includes(field as WritableKey);

interface Conflict {
  theirs: Appointment;
  mine: AppointmentPatchValues;
}

export function AppointmentForm({
  initial,
  offices,
  timeZones,
  onDirtyChange,
}: {
  initial: Appointment | null;
  offices: OfficeOption[];
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
  const [message, setMessage] = useState<{ tone: "error" | "success" | "info" | "warning"; text: string } | null>(null);
  // A retried create (double click, flaky network) must not make two appointments.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const update = api.appointment.update.useMutation();
  const create = api.appointment.create.useMutation();
  const utils = api.useUtils();
  const [photographerUserId, timeZoneLocal, officeId] = useWatch({ control: form.control, name: ["photographerUserId", "timeZoneLocal", "officeId"] });
  const { isDirty } = form.formState;
  const liveChange = useLiveAppointment(base?.id ?? null, base?.updatedAtMt ?? null);
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  useLeaveGuard(isDirty);
  const localZone = String(timeZoneLocal || offices.find((o) => String(o.id) === String(officeId))?.timeZone || "UTC");
  const draftId = initial?.id ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  // Uncontrolled <details> (the browser owns `open`); opened from code only to show an error.
  const allFields = useRef<HTMLDetailsElement>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  // A draft left by a reload or a crash is offered back (read after mount: localStorage is the browser's).
  useEffect(() => setDraft(loadDraft(draftId)), [draftId]);
  // Every edit is kept as a draft, with the version it is based on; a clean form keeps none.
  useEffect(() => {
    // What an untouched form would send (a new one its default length): no draft in that.
    const pristine = JSON.stringify(stateRef.current.patch());
    const subscription = form.watch(() => {
      const patch = stateRef.current.patch();
      if (JSON.stringify(patch) === pristine) clearDraft(draftId);
      else saveDraft(draftId, { basedOn: stateRef.current.currentBase(), patch });
    });
    return () => subscription.unsubscribe();
  }, [form, draftId]);
  // An error in a field "All fields" holds opens it, so the message is seen.
  const errorKeys = Object.keys(form.formState.errors);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined keys say when the set of errors changed; the array is new every render.
  useEffect(() => {
    if (errorKeys.some((key) => !everydayFields.has(key)) && allFields.current) allFields.current.open = true;
  }, [errorKeys.join(",")]);

  /** Back to the newest saved version this page knows (a restored draft may be based on an older one). */
  function discard() {
    const newest = initial && base && Date.parse(initial.updatedAt) > Date.parse(base.updatedAt) ? initial : base;
    setBase(newest);
    state.resetTo(newest);
    clearDraft(draftId);
  }

  function restoreDraft(saved: Draft) {
    setDraft(null);
    setBase(saved.basedOn);
    state.resetTo(saved.basedOn, saved.patch);
    setMessage({
      tone: "info",
      text:
        saved.basedOn && initial && saved.basedOn.updatedAtMt !== initial.updatedAtMt
          ? "Draft restored. The appointment was saved by someone since; saving will show both versions."
          : "Draft restored.",
    });
  }

  function applySaved(appointment: Appointment, resultWarnings: Warning[]) {
    clearDraft(draftId);
    setBase(appointment);
    state.resetTo(appointment);
    setWarnings(resultWarnings);
    setMessage({ tone: "success", text: "Saved." });
    utils.appointment.byId.setData({ id: appointment.id }, appointment);
    void utils.appointment.history.invalidate({ id: appointment.id });
    void utils.notification.emailsOf.invalidate({ appointmentId: appointment.id });
    void utils.appointment.list.invalidate();
  }

  function showError(error: unknown, patch: AppointmentPatchValues) {
    const detail = planoErrorOf(error);
    if (detail?.reason === "update-conflict" && detail.current) {
      setConflict({ theirs: detail.current, mine: patch });
      return;
    }
    const kept = savedDespiteEmail(error);
    if (kept) {
      applySaved(kept.saved, []);
      setMessage({ tone: "warning", text: `${kept.message} See the Mail tab and Notifications.` });
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
        clearDraft(null);
        form.reset(form.getValues()); // saved: leaving is no longer a loss
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
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // autoFocus does nothing on a field disabled until hydration: give it the focus it asked for, unless the user moved it.
    if (hydrated && document.activeElement === document.body) formRef.current?.querySelector<HTMLElement>("[autofocus]")?.focus();
  }, [hydrated]);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.handleSubmit(() => save(state.patch(), base))}
      onKeyDown={(event) => {
        // Ctrl/⌘+Enter saves from any field (Enter alone already does in a one-line input).
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
      className="flex flex-col gap-4"
      aria-label={base ? "Edit appointment" : "New appointment"}
    >
      {/* Nothing can be typed before hydration, where it would be overwritten by the form's defaults. */}
      <fieldset disabled={!hydrated} className="contents">
        {liveChange && !conflict ? (
          <LiveChangeNotice
            change={liveChange}
            hasEdits={isDirty}
            onCompare={() => setConflict({ theirs: liveChange.appointment, mine: state.patch() })}
            onLoadTheirs={() => reload(liveChange.appointment)}
          />
        ) : null}
        {draft ? (
          <Notice tone="info" title="You have an unsaved draft of this appointment.">
            <p>
              Kept in this browser at {formatInstantIn(draft.savedAt, localZone)}
              {draft.basedOn && initial && draft.basedOn.updatedAtMt !== initial.updatedAtMt ? ", based on an older version than the one saved now" : ""}.
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button onClick={() => restoreDraft(draft)}>Restore draft</Button>
              <Button
                variant="secondary"
                onClick={() => {
                  clearDraft(draftId);
                  setDraft(null);
                }}
              >
                Discard draft
              </Button>
            </div>
          </Notice>
        ) : null}
        <Section title="When">
          <WhenSection state={state} offices={offices} timeZones={timeZones} isNew={initial === null} />
        </Section>
        <Section title="Photographer">
          <AssignmentFields state={state} base={base} timeZone={localZone} />
        </Section>
        <OverlapWarning
          appointmentId={base?.id ?? null}
          photographerUserId={photographerUserId === "" ? null : Number(photographerUserId)}
          slot={state.slot}
          timeZone={localZone}
        />
        <Section title="Status">
          <StatusFields state={state} />
        </Section>
        <Section title="Details">
          <DetailFields state={state} />
        </Section>
        <details ref={allFields} className="min-w-0 rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer rounded-lg px-4 py-3 text-base font-semibold">All fields</summary>
          <div className="flex flex-col gap-6 border-t border-slate-200 p-4">
            <ScheduleSection state={state} offices={offices} />
            <LegacyFields state={state} base={base} />
            {base ? <RecordFields state={state} base={base} /> : null}
          </div>
        </details>

        <div className="sticky bottom-0 flex flex-col gap-2 border-t border-slate-200 bg-slate-50/95 py-3">
          {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
          {warnings.map((warning) =>
            warning.overlaps ? (
              <OverlapList key={warning.code} overlaps={warning.overlaps} timeZone={localZone} />
            ) : (
              <Notice key={warning.code} tone="warning">
                {warning.message}
              </Notice>
            ),
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" disabled={saving}>
              {saving ? "Saving…" : base ? "Save changes" : "Create appointment"}
            </Button>
            {base ? (
              <Button variant="ghost" onClick={discard} disabled={saving || !isDirty}>
                Discard changes
              </Button>
            ) : null}
            <span className="text-xs text-slate-600">Ctrl+Enter saves</span>
          </div>
        </div>

        {conflict && base ? (
          <Suspense fallback={null}>
            <ConflictDialog
              base={base}
              theirs={conflict.theirs}
              mine={conflict.mine}
              onResolve={resolveConflict}
              onReload={reload}
              onDismiss={() => {
                setConflict(null);
                setMessage({ tone: "info", text: "Not saved: someone else's changes are waiting for your decision. Save again to compare." });
              }}
            />
          </Suspense>
        ) : null}
      </fieldset>
    </form>
  );
}
