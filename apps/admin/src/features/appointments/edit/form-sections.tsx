"use client";
/** The non-schedule groups of the appointment form. */
import type { Appointment } from "@plano/schema";
import { useWatch } from "react-hook-form";
import { formatInstantUtc } from "~/lib/time-display";
import { PhotographerPicker } from "../photographer-picker/photographer-picker";
import { FormField, legacyTitle } from "./form-field";
import type { AppointmentFormState } from "./use-appointment-form";

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

function ReadOnlyValue({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="text-sm">
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-600">{value ?? "—"}</dd>
    </div>
  );
}

export function StatusFields({ state }: { state: AppointmentFormState }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-2 sm:grid-cols-4">
        <FormField state={state} name="confirmed" />
        <FormField state={state} name="optional" />
        <FormField state={state} name="readyToSchedule" />
        <FormField state={state} name="cancelled" />
      </div>
      <FormField state={state} name="cancelReason" multiline />
    </div>
  );
}

/** What the scheduler reads and writes about the shoot itself. */
export function DetailFields({ state }: { state: AppointmentFormState }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <FormField state={state} name="summary" />
      <FormField state={state} name="apptType" />
      <FormField state={state} name="location" className="md:col-span-2" />
      <FormField state={state} name="orderId" />
      <div className="md:col-span-2">
        <FormField state={state} name="notes" multiline />
      </div>
    </div>
  );
}

/** The rarely used legacy fields, in "All fields". */
export function LegacyFields({ state, base }: { state: AppointmentFormState; base: Appointment | null }) {
  const photographerUserId = useWatch({ control: state.form.control, name: "photographerUserId" });
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-3">
        <FormField state={state} name="photographerName" readOnly={photographerUserId !== ""} />
        <FormField state={state} name="deliveryType" />
        <FormField state={state} name="orderRequestId" />
        <FormField state={state} name="orderRequestApptId" />
      </div>
      <FormField state={state} name="description" multiline />
      <div className="grid gap-2 sm:grid-cols-2">
        <FormField state={state} name="sameDayCancel" />
        <FormField state={state} name="onSiteCancel" />
      </div>
      <dl className="grid gap-2 sm:grid-cols-2">
        <ReadOnlyValue label="Confirmed at" value={base?.confirmedAt ? formatInstantUtc(base.confirmedAt) : null} />
        <ReadOnlyValue label="Confirmed by" value={base?.confirmedBy ?? null} />
      </dl>
    </div>
  );
}

export function AssignmentFields({ state, base, timeZone }: { state: AppointmentFormState; base: Appointment | null; timeZone: string }) {
  const [photographerUserId, photographerName] = useWatch({ control: state.form.control, name: ["photographerUserId", "photographerName"] });
  const error = state.form.formState.errors.photographerUserId?.message;
  return (
    <PhotographerPicker
      value={photographerUserId === "" ? null : Number(photographerUserId)}
      currentName={String(photographerName) || null}
      slot={state.slot}
      excludeId={base?.id ?? null}
      timeZone={timeZone}
      error={error}
      title={legacyTitle("photographerUserId")}
      onChange={(chosen) => {
        // The name follows the assigned user; it is free text only for unassigned (legacy) shoots.
        state.form.setValue("photographerUserId", chosen ? String(chosen.id) : "", { shouldDirty: true });
        state.form.setValue("photographerName", chosen?.name ?? "", { shouldDirty: true });
      }}
    />
  );
}

export function RecordFields({ state, base }: { state: AppointmentFormState; base: Appointment }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-3">
        <FormField state={state} name="createdBy" readOnly />
        <FormField state={state} name="createdIn" readOnly />
        <FormField state={state} name="updatedBy" readOnly />
      </div>
      <dl className="grid gap-2 sm:grid-cols-4">
        <ReadOnlyValue label="UUID" value={base.uuid} />
        <ReadOnlyValue label="Created at" value={formatInstantUtc(base.createdAt)} />
        <ReadOnlyValue label="Updated at" value={formatInstantUtc(base.updatedAt)} />
        <ReadOnlyValue label="Version (updated_at_mt)" value={base.updatedAtMt} />
      </dl>
    </div>
  );
}
