"use client";
/** Confirm, and cancel with a reason: the two status changes that notify the client. */
import type { Appointment, cancelAppointmentInput } from "@plano/schema";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { LazyDialog as Dialog } from "~/components/ui/lazy-dialog";
import { CheckboxField, Field, inputClasses } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { lazyZodResolver } from "~/lib/lazy-resolver";
import { errorMessageOf, planoErrorOf, savedDespiteEmail } from "~/trpc/errors";
import { api } from "~/trpc/react";

type CancelValues = z.input<typeof cancelAppointmentInput>;
const cancelResolver = lazyZodResolver<CancelValues>(() => import("@plano/schema").then((schema) => schema.cancelAppointmentInput));

function actionError(error: unknown): string | null {
  const reason = planoErrorOf(error)?.reason;
  // The change itself was saved; `keepIfSaved` reports it.
  if (reason === "email-failed") return null;
  return reason === "update-conflict"
    ? "Someone else changed this appointment meanwhile. Reload the page to see their changes, then try again."
    : errorMessageOf(error);
}

/** A confirm or cancel whose client email failed still happened: take the saved record, and say so. */
function keepIfSaved(error: unknown, onSaved: (appointment: Appointment, warning: string) => void) {
  const kept = savedDespiteEmail(error);
  if (kept) onSaved(kept.saved, `${kept.message} See Notifications.`);
}

function ActionError({ error }: { error: unknown }) {
  const message = error ? actionError(error) : null;
  return message ? <Notice tone="error">{message}</Notice> : null;
}

export function StatusActions({
  appointment,
  disabledReason,
  onChanged,
}: {
  appointment: Appointment;
  /** Why the actions are unavailable (e.g. unsaved edits), if they are. */
  disabledReason: string | null;
  onChanged: (appointment: Appointment) => void;
}) {
  const [cancelling, setCancelling] = useState(false);
  const [emailWarning, setEmailWarning] = useState<string | null>(null);
  const changedWithWarning = (appointment: Appointment, warning: string) => {
    setCancelling(false);
    setEmailWarning(warning);
    onChanged(appointment);
  };
  const confirm = api.appointment.confirm.useMutation({
    onSuccess: (result) => onChanged(result.appointment),
    onError: (error) => keepIfSaved(error, changedWithWarning),
  });
  const ref = { id: appointment.id, updatedAtMt: appointment.updatedAtMt };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <Button
          onClick={() => confirm.mutate(ref)}
          disabled={appointment.confirmed || appointment.cancelled || confirm.isPending || disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          {appointment.confirmed ? "Confirmed" : confirm.isPending ? "Confirming…" : "Confirm"}
        </Button>
        <Button
          variant="danger"
          onClick={() => setCancelling(true)}
          disabled={appointment.cancelled || disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          {appointment.cancelled ? "Cancelled" : "Cancel appointment…"}
        </Button>
      </div>
      {disabledReason && !appointment.cancelled ? <p className="text-xs text-slate-500">{disabledReason}</p> : null}
      <ActionError error={confirm.error} />
      {emailWarning ? <Notice tone="warning">{emailWarning}</Notice> : null}
      {cancelling ? (
        <CancelDialog
          appointment={appointment}
          onClose={() => setCancelling(false)}
          onSavedDespiteEmail={changedWithWarning}
          onCancelled={(cancelled) => {
            setCancelling(false);
            onChanged(cancelled);
          }}
        />
      ) : null}
    </div>
  );
}

function CancelDialog({
  appointment,
  onClose,
  onCancelled,
  onSavedDespiteEmail,
}: {
  appointment: Appointment;
  onClose: () => void;
  onCancelled: (appointment: Appointment) => void;
  onSavedDespiteEmail: (appointment: Appointment, warning: string) => void;
}) {
  const form = useForm<CancelValues>({
    resolver: cancelResolver,
    defaultValues: { id: appointment.id, updatedAtMt: appointment.updatedAtMt, reason: "", onSiteCancel: false },
  });
  const cancel = api.appointment.cancel.useMutation({
    onSuccess: (result) => onCancelled(result.appointment),
    onError: (error) => keepIfSaved(error, onSavedDespiteEmail),
  });
  const reasonError = form.formState.errors.reason?.message;

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Cancel this appointment"
      description="The client is told by email. Say why it is cancelled."
    >
      <form noValidate className="flex flex-col gap-3" onSubmit={form.handleSubmit((values) => cancel.mutate(values))}>
        <Field label="Reason" error={reasonError ? `reason: ${reasonError}` : undefined}>
          {(control) => <textarea {...control} {...form.register("reason")} rows={3} className={inputClasses} autoFocus />}
        </Field>
        <CheckboxField label="Cancelled on site" {...form.register("onSiteCancel")} />
        <ActionError error={cancel.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep appointment
          </Button>
          <Button type="submit" variant="danger" disabled={cancel.isPending}>
            {cancel.isPending ? "Cancelling…" : "Cancel appointment"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
