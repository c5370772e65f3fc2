"use client";
import Link from "next/link";
import { Spinner } from "~/components/ui/notice";
import { useOffices } from "~/features/directory/use-directory";
import { AppointmentForm } from "../edit/appointment-form";
import { useTimeZoneNames } from "./use-time-zone-names";

export function NewAppointment() {
  const offices = useOffices();
  const timeZones = useTimeZoneNames();
  if (!offices.data) return <Spinner label="Loading…" />;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href="/appointments" className="text-sm text-indigo-700 hover:underline">
          ← Appointments
        </Link>
        <h1 className="text-2xl font-semibold">New appointment</h1>
      </div>
      <AppointmentForm initial={null} offices={offices.data} timeZones={timeZones} />
    </div>
  );
}
