"use client";
/** Stored notices (e.g. a client email that could not be sent), with a retry of their email. */
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Notice, Spinner } from "~/components/ui/notice";
import { formatInstantUtc } from "~/lib/time-display";
import { errorMessageOf } from "~/trpc/errors";
import { api, type RouterOutputs } from "~/trpc/react";

type Notification = RouterOutputs["notification"]["list"][number];

function EmailState({ email }: { email: NonNullable<Notification["email"]> }) {
  return (
    <p className="text-sm text-slate-600">
      Email to {email.toEmail} “{email.subject}”: {email.status}, {email.attempts} attempt{email.attempts === 1 ? "" : "s"}
      {email.sentAt ? `, sent ${formatInstantUtc(email.sentAt)}` : `, next attempt ${formatInstantUtc(email.nextAttemptAt)}`}
      {email.lastError ? <span className="block text-rose-700">Last error: {email.lastError}</span> : null}
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
          <p className="font-medium">{notification.message}</p>
          <p className="text-xs text-slate-500">
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
      {notification.email ? <EmailState email={notification.email} /> : null}
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
      {notifications.error ? <Notice tone="error" title="The notifications could not be loaded.">{errorMessageOf(notifications.error)}</Notice> : null}
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
