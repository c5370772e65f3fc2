"use client";
/** Stored notices (e.g. a client email that could not be sent), with a retry of their email. */
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Notice, Spinner } from "~/components/ui/notice";
import { formatInstantUtc } from "~/lib/time-display";
import { errorMessageOf } from "~/trpc/errors";
import { api, type RouterOutputs } from "~/trpc/react";

type Notification = RouterOutputs["notification"]["list"][number];

/** The notice's words follow its state: a resolved one says what resolved it, never the old failure. */
function headline(notification: Notification): string {
  if (!notification.resolvedAt) return notification.message;
  if (notification.email?.status === "sent") {
    return `The client email for appointment #${notification.appointmentId ?? "?"} was sent${notification.email.sentAt ? ` ${formatInstantUtc(notification.email.sentAt)}` : ""}.`;
  }
  return `Resolved ${formatInstantUtc(notification.resolvedAt)}.`;
}

const emailStatusWords: Record<string, string> = { pending: "not sent yet, will be retried", sent: "sent", failed: "not sent, gave up" };

function EmailState({ email, resolved }: { email: NonNullable<Notification["email"]>; resolved: boolean }) {
  return (
    <p className="text-sm text-slate-700">
      Email to {email.toEmail} “{email.subject}”: {emailStatusWords[email.status] ?? email.status}, {email.attempts} attempt{email.attempts === 1 ? "" : "s"}
      {email.sentAt ? `, sent ${formatInstantUtc(email.sentAt)}` : resolved ? "" : `, next attempt ${formatInstantUtc(email.nextAttemptAt)}`}
      {email.lastError && !resolved ? <span className="block text-rose-700">Last error: {email.lastError}</span> : null}
    </p>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const utils = api.useUtils();
  const retry = api.notification.retry.useMutation({ onSettled: () => utils.notification.list.invalidate() });
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="notification">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="font-medium">{headline(notification)}</p>
          <p className="text-xs text-slate-600">
            {notification.kind} · {formatInstantUtc(notification.createdAt)}
            {notification.appointmentId !== null ? (
              <>
                {" · "}
                <Link href={`/appointments/${notification.appointmentId}`} className="text-indigo-700 hover:underline">
                  Appointment #{notification.appointmentId}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        {notification.resolvedAt ? (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Resolved</span>
        ) : notification.email ? (
          <Button variant="secondary" onClick={() => retry.mutate({ id: notification.id })} disabled={retry.isPending}>
            {retry.isPending ? "Retrying…" : "Retry email"}
          </Button>
        ) : null}
      </div>
      {notification.email ? <EmailState email={notification.email} resolved={notification.resolvedAt !== null} /> : null}
      {retry.error ? <Notice tone="error">{errorMessageOf(retry.error)}</Notice> : null}
      {retry.isSuccess && retry.data.resolvedAt ? <Notice tone="success">The email was sent.</Notice> : null}
    </li>
  );
}

export function NotificationsView() {
  const notifications = api.notification.list.useQuery();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Notifications</h1>
      {notifications.error ? (
        <Notice tone="error" title="The notifications could not be loaded.">
          {errorMessageOf(notifications.error)}
        </Notice>
      ) : null}
      {notifications.isLoading ? <Spinner label="Loading notifications…" /> : null}
      {notifications.data?.length === 0 ? <p className="text-sm text-slate-500">Nothing needs attention.</p> : null}
      <ul className="flex flex-col gap-3">
        {notifications.data?.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ul>
    </div>
  );
}
