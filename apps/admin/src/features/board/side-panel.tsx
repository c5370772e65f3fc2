"use client";
/**
 * The clicked appointment: its time, photographer (the edit page's
 * availability picker, for the slot as typed here), status actions, notes,
 * and a link to the full edit page. Every change here
 * is one `appointment.update` with the version the board holds.
 */
import { zonedToInstant, type Appointment } from "@plano/schema";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses } from "~/components/ui/field";
import { formatCalendarDate, formatWallTime, zoneAbbreviation } from "~/lib/time-display";
import { StatusActions } from "../appointments/detail/status-actions";
import { PhotographerPicker, type PickerSlot } from "../appointments/photographer-picker/photographer-picker";
import { StatusBadges } from "../appointments/list/status-badges";

/** The slot the panel's date and start would give, keeping the appointment's length (an hour when it has none). */
export function panelSlot(appointment: Appointment, date: string, time: string): PickerSlot | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const start = zonedToInstant(date, `${time}:00`, appointment.timeZoneLocal);
  if (!start.ok) return null;
  const lengthMs =
    appointment.startsAt && appointment.stopsAt
      ? Date.parse(appointment.stopsAt) - Date.parse(appointment.startsAt)
      : (appointment.timeDurationS ?? 3600) * 1000;
  return { startsAt: start.value.toISOString(), stopsAt: new Date(start.value.getTime() + Math.max(lengthMs, 60_000)).toISOString() };
}

export type PanelPatch = Partial<Pick<Appointment, "photographerUserId" | "dateStartLocal" | "timeStartLocal" | "notes" | "optional" | "readyToSchedule">>;

export function SidePanel({
  appointment,
  onSave,
  onStatusChanged,
  onClose,
}: {
  appointment: Appointment;
  onSave: (appointment: Appointment, patch: PanelPatch, label: string) => void;
  onStatusChanged: (appointment: Appointment) => void;
  onClose: () => void;
}) {
  const [photographer, setPhotographer] = useState<number | null>(appointment.photographerUserId);
  const [date, setDate] = useState(appointment.dateStartLocal ?? "");
  const [time, setTime] = useState(formatWallTime(appointment.timeStartLocal).replace("—", ""));
  const [notes, setNotes] = useState(appointment.notes ?? "");
  // A save (here or by a colleague) brings a new version: start again from it.
  useEffect(() => {
    setPhotographer(appointment.photographerUserId);
    setDate(appointment.dateStartLocal ?? "");
    setTime(formatWallTime(appointment.timeStartLocal).replace("—", ""));
    setNotes(appointment.notes ?? "");
  }, [appointment]);

  function saveSlot() {
    const patch: PanelPatch = {};
    if (photographer !== appointment.photographerUserId) patch.photographerUserId = photographer;
    if (date !== (appointment.dateStartLocal ?? "")) patch.dateStartLocal = date === "" ? null : date;
    const fullTime = time === "" ? null : `${time}:00`;
    if (fullTime !== appointment.timeStartLocal) patch.timeStartLocal = fullTime;
    if (Object.keys(patch).length > 0) onSave(appointment, patch, "Saved the slot");
  }

  const slot = useMemo(() => panelSlot(appointment, date, time), [appointment, date, time]);
  const zone = zoneAbbreviation(appointment.startsAt, appointment.timeZoneLocal);
  return (
    <aside
      aria-labelledby="panel-heading"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm lg:w-80 lg:shrink-0"
      data-testid="side-panel"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 id="panel-heading" className="font-semibold">
            {appointment.apptType ?? "Appointment"} #{appointment.id}
          </h2>
          <p className="text-slate-600">{appointment.location ?? appointment.summary ?? ""}</p>
        </div>
        <Button variant="ghost" onClick={onClose} aria-label="Close the panel">
          ✕
        </Button>
      </div>
      <StatusBadges appointment={appointment} />
      <p>
        {appointment.dateStartLocal ? (
          <>
            {formatCalendarDate(appointment.dateStartLocal)}, {formatWallTime(appointment.timeStartLocal)}–{formatWallTime(appointment.timeStopLocal)} {zone}
            {appointment.timeDuration ? <span className="text-slate-500"> ({appointment.timeDuration})</span> : null}
          </>
        ) : (
          "No date yet"
        )}
      </p>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">Slot</legend>
        <PhotographerPicker
          value={photographer}
          onChange={(chosen) => setPhotographer(chosen?.id ?? null)}
          slot={slot}
          excludeId={appointment.id}
          timeZone={appointment.timeZoneLocal}
          currentName={appointment.photographerName}
        />
        <div className="flex gap-2">
          <label className="flex flex-1 flex-col gap-1">
            <span className="text-xs text-slate-600">Date ({zone})</span>
            <input type="date" className={inputClasses} value={date} onChange={(event) => setDate(event.target.value)} />
          </label>
          <label className="flex w-28 flex-col gap-1">
            <span className="text-xs text-slate-600">Start</span>
            <input type="time" step={900} className={inputClasses} value={time} onChange={(event) => setTime(event.target.value)} />
          </label>
        </div>
        <Button variant="secondary" onClick={saveSlot}>
          {appointment.photographerUserId === null || appointment.dateStartLocal === null ? "Place" : "Save slot"}
        </Button>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => onSave(appointment, { optional: !appointment.optional }, appointment.optional ? "Marked as firm" : "Marked as optional")}
        >
          {appointment.optional ? "Make firm" : "Make optional"}
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            onSave(
              appointment,
              { readyToSchedule: !appointment.readyToSchedule },
              appointment.readyToSchedule ? "No longer ready to schedule" : "Ready to schedule",
            )
          }
        >
          {appointment.readyToSchedule ? "Not ready" : "Ready to schedule"}
        </Button>
      </div>
      <StatusActions appointment={appointment} disabledReason={null} onChanged={onStatusChanged} />
      <label className="flex flex-col gap-1">
        <span className="font-medium">Notes</span>
        <textarea className={inputClasses} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />
      </label>
      <Button
        variant="secondary"
        disabled={notes === (appointment.notes ?? "")}
        onClick={() => onSave(appointment, { notes: notes === "" ? null : notes }, "Saved the notes")}
      >
        Save notes
      </Button>
      <Link href={`/appointments/${appointment.id}`} className="text-indigo-700 hover:underline">
        Open the full edit page →
      </Link>
    </aside>
  );
}
