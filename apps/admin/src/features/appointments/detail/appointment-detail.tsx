"use client";
/** One appointment: its header with the status actions, then Details (the form) and History tabs. */
import type { Appointment } from "@plano/schema";
import Link from "next/link";
import { lazy, Suspense, useId, useState } from "react";
import { Notice, Spinner } from "~/components/ui/notice";
import { useOffices } from "~/features/directory/use-directory";
import { errorMessageOf } from "~/trpc/errors";
import { api } from "~/trpc/react";
import { AppointmentForm } from "../edit/appointment-form";
import { StatusBadges } from "../list/status-badges";
import { DetailTabs } from "./detail-tabs";
import { StatusActions } from "./status-actions";
import { useTimeZoneNames } from "./use-time-zone-names";

// The History and Mail tabs render only once chosen (never in the server's HTML): their code is fetched then, not with the page.
const HistoryList = lazy(() => import("./history-list").then((module) => ({ default: module.HistoryList })));
const MailLog = lazy(() => import("./mail-log").then((module) => ({ default: module.MailLog })));

const TABS = [
  { value: "details", label: "Details" },
  { value: "history", label: "History" },
  { value: "mail", label: "Mail" },
] as const;
type Tab = (typeof TABS)[number]["value"];

export function AppointmentDetail({ id }: { id: number }) {
  // Never refetched behind the user's back: the form's version must be the one they saw.
  const byId = api.appointment.byId.useQuery({ id }, { refetchOnWindowFocus: false, staleTime: Infinity });
  const offices = useOffices();
  const timeZones = useTimeZoneNames();
  const utils = api.useUtils();
  const [formDirty, setFormDirty] = useState(false);
  // Bumped when a status action changes the record, so the form starts again from the new version.
  const [formGeneration, setFormGeneration] = useState(0);
  const [tab, setTab] = useState<Tab>("details");
  const baseId = useId();
  const tabId = (value: string) => `${baseId}-tab-${value}`;
  const panelId = (value: string) => `${baseId}-panel-${value}`;
  const panel = (value: Tab) => ({ role: "tabpanel", id: panelId(value), "aria-labelledby": tabId(value), tabIndex: 0 }) as const;

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

      <div>
        <DetailTabs label="Appointment" tabs={TABS} value={tab} onValueChange={(value) => setTab(value as Tab)} tabId={tabId} panelId={panelId} />
        {/* Kept mounted while hidden, so switching tabs never loses unsaved edits. */}
        <div {...panel("details")} hidden={tab !== "details"}>
          <AppointmentForm key={formGeneration} initial={appointment} offices={offices.data} timeZones={timeZones} onDirtyChange={setFormDirty} />
        </div>
        {tab === "history" ? (
          <div {...panel("history")}>
            <Suspense fallback={<Spinner label="Loading history…" />}>
              <HistoryList appointmentId={id} timeZone={appointment.timeZoneLocal} current={appointment} />
            </Suspense>
          </div>
        ) : null}
        {tab === "mail" ? (
          <div {...panel("mail")}>
            <Suspense fallback={<Spinner label="Loading mail log…" />}>
              <MailLog appointmentId={id} />
            </Suspense>
          </div>
        ) : null}
      </div>
    </div>
  );
}
