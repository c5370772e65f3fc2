"use client";
/** One appointment: its header with the status actions, then Details (the form) and History tabs. */
import type { Appointment } from "@plano/schema";
import * as Tabs from "@radix-ui/react-tabs";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";
import { Notice, Spinner } from "~/components/ui/notice";
import { useOffices } from "~/features/directory/use-directory";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { AppointmentForm } from "../edit/appointment-form";
import { StatusBadges } from "../list/status-badges";
import { StatusActions } from "./status-actions";
import { useTimeZoneNames } from "./use-time-zone-names";

// The History and Mail tabs render only once chosen (never in the server's HTML): their code is fetched then, not with the page.
const HistoryList = lazy(() => import("./history-list").then((module) => ({ default: module.HistoryList })));
const MailLog = lazy(() => import("./mail-log").then((module) => ({ default: module.MailLog })));

const tabClasses =
  "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700";

export function AppointmentDetail({ id }: { id: number }) {
  // Never refetched behind the user's back: the form's version must be the one they saw.
  const byId = api.appointment.byId.useQuery({ id }, { refetchOnWindowFocus: false, staleTime: Infinity });
  const offices = useOffices();
  const timeZones = useTimeZoneNames();
  const utils = api.useUtils();
  const [formDirty, setFormDirty] = useState(false);
  // Bumped when a status action changes the record, so the form starts again from the new version.
  const [formGeneration, setFormGeneration] = useState(0);

  if (byId.error)
    return (
      <Notice tone="error" title="The appointment could not be loaded.">
        {errorMessageOf(byId.error)}
      </Notice>
    );
  if (!byId.data || !offices.data) return <Spinner label="Loading appointment…" />;
  const appointment = byId.data;

  function statusChanged(next: Appointment) {
    utils.appointment.byId.setData({ id }, next);
    void utils.appointment.history.invalidate({ id });
    void utils.notification.emailsOf.invalidate({ appointmentId: id });
    void utils.appointment.list.invalidate();
    setFormGeneration((generation) => generation + 1);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/appointments" className="text-sm text-indigo-700 hover:underline">
            ← Appointments
          </Link>
          <h1 className="text-2xl font-semibold">
            Appointment #{appointment.id}
            {appointment.summary ? <span className="ml-2 font-normal text-slate-600">{appointment.summary}</span> : null}
          </h1>
          <div className="mt-1">
            <StatusBadges appointment={appointment} />
          </div>
          {appointment.cancelReason ? <p className="mt-1 text-sm text-slate-600">Cancellation reason: {appointment.cancelReason}</p> : null}
        </div>
        <StatusActions appointment={appointment} disabledReason={formDirty ? "Save or discard your changes first." : null} onChanged={statusChanged} />
      </div>

      <Tabs.Root defaultValue="details">
        <Tabs.List aria-label="Appointment" className="mb-4 flex gap-1 border-b border-slate-200">
          <Tabs.Trigger value="details" className={tabClasses}>
            Details
          </Tabs.Trigger>
          <Tabs.Trigger value="history" className={tabClasses}>
            History
          </Tabs.Trigger>
          <Tabs.Trigger value="mail" className={tabClasses}>
            Mail
          </Tabs.Trigger>
        </Tabs.List>
        {/* Kept mounted while hidden, so switching tabs never loses unsaved edits. */}
        <Tabs.Content value="details" forceMount className="data-[state=inactive]:hidden">
          <AppointmentForm key={formGeneration} initial={appointment} offices={offices.data} timeZones={timeZones} onDirtyChange={setFormDirty} />
        </Tabs.Content>
        <Tabs.Content value="history">
          <Suspense fallback={<Spinner label="Loading history…" />}>
            <HistoryList appointmentId={id} timeZone={appointment.timeZoneLocal} current={appointment} />
          </Suspense>
        </Tabs.Content>
        <Tabs.Content value="mail">
          <Suspense fallback={<Spinner label="Loading mail log…" />}>
            <MailLog appointmentId={id} />
          </Suspense>
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
