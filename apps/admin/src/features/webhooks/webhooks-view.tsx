"use client";
/**
 * Webhook subscriptions: create, delete, resume a paused one, and each
 * one's delivery log (status, latency, the answer's first bytes) with a
 * redeliver button per attempt.
 */
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Notice, Spinner } from "~/components/ui/notice";
import { formatInstantUtc } from "~/lib/time-display";
import { errorMessageOf } from "~/trpc/errors";
import { api, type RouterOutputs } from "~/trpc/react";
import { WebhookForm } from "./webhook-form";

type Subscription = RouterOutputs["webhook"]["list"][number];

function StatusBadge({ subscription }: { subscription: Subscription }) {
  if (subscription.status === "paused") return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Paused</span>;
  if (subscription.failingSince) return <span className="rounded-full bg-rose-100 px-2 py-0.5 text-xs font-medium text-rose-800">Failing</span>;
  return <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Active</span>;
}

function DeliveryLog({ subscriptionId }: { subscriptionId: number }) {
  const utils = api.useUtils();
  const log = api.webhook.deliveries.useQuery({ subscriptionId, limit: 50 });
  const redeliver = api.webhook.redeliver.useMutation({ onSettled: () => utils.webhook.invalidate() });
  if (log.isLoading) return <Spinner label="Loading the delivery log…" />;
  if (log.error) return <Notice tone="error">{errorMessageOf(log.error)}</Notice>;
  if (!log.data?.length) return <p className="text-sm text-slate-500">No delivery attempt yet.</p>;
  return (
    <div className="flex flex-col gap-2">
      {redeliver.error ? <Notice tone="error">{errorMessageOf(redeliver.error)}</Notice> : null}
      {redeliver.isSuccess ? <Notice tone="success">Queued again; it goes out in a moment.</Notice> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Delivery log">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">When</th>
              <th className="py-1 pr-3 font-medium">Event</th>
              <th className="py-1 pr-3 font-medium">Result</th>
              <th className="py-1 pr-3 font-medium">Latency</th>
              <th className="py-1 pr-3 font-medium">Answer (first bytes)</th>
              <th className="py-1 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((attempt) => (
              <tr key={attempt.id} className="border-t border-slate-100 align-top" data-testid="delivery-attempt">
                <td className="whitespace-nowrap py-1.5 pr-3">{formatInstantUtc(attempt.at)}</td>
                <td className="py-1.5 pr-3">
                  {attempt.eventType}
                  <span className="block text-xs text-slate-500">
                    #{attempt.appointmentId} · {attempt.messageId}
                  </span>
                </td>
                <td className={`whitespace-nowrap py-1.5 pr-3 ${attempt.ok ? "text-emerald-700" : "text-rose-700"}`}>
                  {attempt.statusCode ?? "—"} {attempt.ok ? "delivered" : "failed"}
                  {attempt.error ? <span className="block max-w-xs whitespace-normal text-xs">{attempt.error}</span> : null}
                </td>
                <td className="whitespace-nowrap py-1.5 pr-3">{attempt.latencyMs} ms</td>
                <td className="py-1.5 pr-3">
                  <code className="block max-w-xs truncate text-xs text-slate-600">{attempt.responseHead || "—"}</code>
                </td>
                <td className="py-1.5">
                  <Button variant="secondary" onClick={() => redeliver.mutate({ deliveryId: attempt.deliveryId })} disabled={redeliver.isPending}>
                    Redeliver
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SubscriptionItem({ subscription }: { subscription: Subscription }) {
  const utils = api.useUtils();
  const [showLog, setShowLog] = useState(false);
  const remove = api.webhook.delete.useMutation({ onSuccess: () => utils.webhook.list.invalidate() });
  const resume = api.webhook.resume.useMutation({ onSettled: () => utils.invalidate() });
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="webhook">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="break-all font-medium">{subscription.url}</p>
          <p className="text-xs text-slate-500">
            {subscription.events.join(", ")}
            {subscription.officeId !== null ? ` · office #${subscription.officeId}` : " · all offices"}
            {subscription.description ? ` · ${subscription.description}` : ""}
          </p>
          <p className="text-xs text-slate-500">
            Secret {subscription.secretPreview} · {subscription.pending} waiting
            {subscription.lastAttempt
              ? ` · last attempt ${formatInstantUtc(subscription.lastAttempt.at)} ${subscription.lastAttempt.ok ? "delivered" : "failed"}`
              : ""}
          </p>
          {subscription.pausedReason ? <p className="text-sm text-amber-900">{subscription.pausedReason}</p> : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge subscription={subscription} />
          {subscription.status === "paused" ? (
            <Button variant="secondary" onClick={() => resume.mutate({ id: subscription.id })} disabled={resume.isPending}>
              Resume
            </Button>
          ) : null}
          <Button variant="secondary" onClick={() => setShowLog((shown) => !shown)} aria-expanded={showLog}>
            {showLog ? "Hide log" : "Delivery log"}
          </Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the webhook to ${subscription.url}? Its waiting deliveries and log go with it.`))
                remove.mutate({ id: subscription.id });
            }}
          >
            Delete
          </Button>
        </div>
      </div>
      {remove.error ? <Notice tone="error">{errorMessageOf(remove.error)}</Notice> : null}
      {resume.error ? <Notice tone="error">{errorMessageOf(resume.error)}</Notice> : null}
      {showLog ? <DeliveryLog subscriptionId={subscription.id} /> : null}
    </li>
  );
}

export function WebhooksView() {
  const subscriptions = api.webhook.list.useQuery();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Other systems hear about every appointment change here: each event is POSTed to the receiver, signed, retried with growing delays for 24 hours, and in
        order per appointment. A receiver that fails for a whole day is paused (see Notifications) and keeps its events until it is resumed.
      </p>
      {subscriptions.error ? (
        <Notice tone="error" title="The webhooks could not be loaded.">
          {errorMessageOf(subscriptions.error)}
        </Notice>
      ) : null}
      {subscriptions.isLoading ? <Spinner label="Loading webhooks…" /> : null}
      {subscriptions.data?.length === 0 ? <p className="text-sm text-slate-500">No webhook yet.</p> : null}
      <ul className="flex flex-col gap-3">
        {subscriptions.data?.map((subscription) => (
          <SubscriptionItem key={subscription.id} subscription={subscription} />
        ))}
      </ul>
      <WebhookForm />
    </div>
  );
}
