"use client";
/** A new subscription: URL, events, optional office; the secret is shown once, after saving. */
import { webhookEventTypes, type WebhookEventType } from "@plano/schema";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, inputClasses } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { OfficeSelect } from "~/features/directory/office-select";
import { errorMessageOf, planoErrorOf } from "~/trpc/errors";
import { api } from "~/trpc/react";

const eventLabels: Record<WebhookEventType, string> = {
  "appointment.created": "Created",
  "appointment.updated": "Updated (any change)",
  "appointment.confirmed": "Confirmed",
  "appointment.cancelled": "Cancelled",
  "appointment.moved": "Moved (date or time)",
  "appointment.reassigned": "Reassigned (photographer)",
};

export function WebhookForm() {
  const utils = api.useUtils();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["appointment.created", "appointment.updated"]);
  const [officeId, setOfficeId] = useState<number | null>(null);
  const [description, setDescription] = useState("");
  const create = api.webhook.create.useMutation({
    onSuccess: () => {
      setUrl("");
      setDescription("");
      void utils.webhook.list.invalidate();
    },
  });
  const failure = create.error ? planoErrorOf(create.error) : null;
  const fieldError = (field: string) => (failure?.field === field ? errorMessageOf(create.error!) : undefined);

  return (
    <form
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-label="New webhook"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ url, events, officeId, description: description || null });
      }}
    >
      <h2 className="text-lg font-semibold">New webhook</h2>
      <Field
        label="Receiver URL"
        error={fieldError("url")}
        hint="Each request is signed (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)."
      >
        {(control) => (
          <input
            {...control}
            className={inputClasses}
            type="url"
            required
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://erp.example.com/plano-hook"
          />
        )}
      </Field>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {webhookEventTypes.map((type) => (
            <CheckboxField
              key={type}
              label={eventLabels[type]}
              checked={events.includes(type)}
              onChange={(e) => setEvents((current) => (e.target.checked ? [...current, type] : current.filter((t) => t !== type)))}
            />
          ))}
        </div>
        {fieldError("events") ? <p className="text-sm text-rose-700">{fieldError("events")}</p> : null}
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Office" error={fieldError("officeId")} hint="Only this office's appointments; empty: all offices.">
          {(control) => <OfficeSelect {...control} value={officeId} onChange={setOfficeId} />}
        </Field>
        <Field label="Description" error={fieldError("description")}>
          {(control) => <input {...control} className={inputClasses} value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      {create.error && !failure?.field ? <Notice tone="error">{errorMessageOf(create.error)}</Notice> : null}
      {create.data ? (
        <Notice tone="success" title="Webhook created. Copy its secret now: it is not shown again.">
          <code className="block break-all rounded bg-slate-100 px-2 py-1 text-xs" data-testid="webhook-secret">
            {create.data.secret}
          </code>
        </Notice>
      ) : null}
      <div>
        <Button type="submit" disabled={create.isPending || events.length === 0}>
          {create.isPending ? "Creating…" : "Create webhook"}
        </Button>
      </div>
    </form>
  );
}
