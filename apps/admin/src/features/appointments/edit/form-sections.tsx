"use client";
/** The non-schedule groups of the appointment form. */
import type { Appointment } from "@plano/schema";
import { useWatch } from "react-hook-form";
import { formatInstantUtc } from "~/lib/time-display";
import { FormField, recordOptions } from "./form-field";
import type { AppointmentFormState } from "./use-appointment-form";

export interface PhotographerOption {
  id: number;
  name: string;
}

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
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

export function StatusFields({ state, base }: { state: AppointmentFormState; base: Appointment | null }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-2 sm:grid-cols-3">
        <FormField state={state} name="confirmed" />
        <FormField state={state} name="cancelled" />
        <FormField state={state} name="readyToSchedule" />
        <FormField state={state} name="sameDayCancel" />
        <FormField state={state} name="onSiteCancel" />
        <FormField state={state} name="optional" />
      </div>
      <FormField state={state} name="cancelReason" multiline />
      <dl className="grid gap-2 sm:grid-cols-2">
        <ReadOnlyValue label="Confirmed at" value={base?.confirmedAt ? formatInstantUtc(base.confirmedAt) : null} />
        <ReadOnlyValue label="Confirmed by" value={base?.confirmedBy ?? null} />
      </dl>
    </div>
  );
}

export function AssignmentFields({ state, photographers }: { state: AppointmentFormState; photographers: PhotographerOption[] }) {
  const photographerUserId = useWatch({ control: state.form.control, name: "photographerUserId" });
  // The name follows the assigned user; it is free text only for unassigned (legacy) shoots.
  const followName = () => {
    const chosen = photographers.find((p) => String(p.id) === String(state.form.getValues("photographerUserId")));
    state.form.setValue("photographerName", chosen?.name ?? "", { shouldDirty: true });
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <FormField
        state={state}
        name="photographerUserId"
        onTyped={followName}
        options={recordOptions(photographers, "Unassigned", (p) => p.name)}
      />
      <FormField state={state} name="photographerName" readOnly={photographerUserId !== ""} />
      <FormField state={state} name="apptType" />
      <FormField state={state} name="deliveryType" />
    </div>
  );
}

export function OrderFields({ state }: { state: AppointmentFormState }) {
  return (
    <div className="grid gap-3 md:grid-cols-3">
      <FormField state={state} name="orderId" />
      <FormField state={state} name="orderRequestId" />
      <FormField state={state} name="orderRequestApptId" />
    </div>
  );
}

export function NotesFields({ state }: { state: AppointmentFormState }) {
  return (
    <div className="grid gap-3">
      <FormField state={state} name="summary" />
      <FormField state={state} name="location" />
      <FormField state={state} name="description" multiline />
      <FormField state={state} name="notes" multiline />
    </div>
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
