"use client";
/**
 * The appointment's mail log: every email about it (confirmed, cancelled,
 * moved, reassigned), to whom, and how sending went: sent, failed (waiting
 * for its retry, with Mandrill's reason), retried.
 */
import { Notice, Spinner } from "~/components/ui/notice";
import { formatInstantUtc } from "~/lib/time-display";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";

const stateBadges = {
  sent: "bg-emerald-100 text-emerald-800",
  failed: "bg-rose-100 text-rose-800",
  queued: "bg-slate-100 text-slate-700",
} as const;

export function MailLog({ appointmentId }: { appointmentId: number }) {
  const emails = api.notification.emailsOf.useQuery({ appointmentId });
  if (emails.error)
    return (
      <Notice tone="error" title="The mail log could not be loaded.">
        {errorMessageOf(emails.error)}
      </Notice>
    );
  if (!emails.data) return <Spinner label="Loading mail log…" />;
  if (emails.data.length === 0) return <p className="text-sm text-slate-500">No emails about this appointment yet.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Emails, oldest first">
      {emails.data.map((email) => (
        <li key={email.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="mail-entry">
          <div className="flex flex-wrap items-center gap-2">
            <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${stateBadges[email.state]}`}>{email.state}</span>
            {email.retried ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase text-amber-800">retried</span> : null}
            <span className="break-all text-sm font-medium">{email.subject}</span>
          </div>
          <p className="mt-1 break-all text-sm text-slate-600">
            To {email.toName ? `${email.toName} <${email.toEmail}>` : email.toEmail} · queued {formatInstantUtc(email.createdAt)}
            {email.sentAt ? ` · sent ${formatInstantUtc(email.sentAt)}` : ""}
            {` · ${email.attempts} attempt${email.attempts === 1 ? "" : "s"}`}
            {email.status === "sent-locally" ? " · recorded only (no Mandrill key)" : ""}
          </p>
          {email.state === "failed" ? (
            <p className="mt-1 text-sm text-rose-800">
              {email.lastError}
              {email.nextAttemptAt ? ` Next attempt ${formatInstantUtc(email.nextAttemptAt)}.` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
