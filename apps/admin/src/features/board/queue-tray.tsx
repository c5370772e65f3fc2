"use client";
/** The ready-to-schedule queue: appointments ready to schedule and not yet placed (no photographer, or no date). */
import { useDraggable } from "@dnd-kit/core";
import type { Appointment } from "@plano/schema";
import { formatCalendarDate, formatWallTime } from "~/lib/time-display";
import { clock } from "./board-geometry";

function windowText(appointment: Appointment): string | null {
  const dates =
    appointment.windowDateStart || appointment.windowDateEnd
      ? `${formatCalendarDate(appointment.windowDateStart)} – ${formatCalendarDate(appointment.windowDateEnd)}`
      : null;
  const times =
    appointment.windowTimeStart !== null || appointment.windowTimeEnd !== null
      ? `${appointment.windowTimeStart !== null ? clock(appointment.windowTimeStart) : "…"}–${appointment.windowTimeEnd !== null ? clock(appointment.windowTimeEnd) : "…"}`
      : null;
  return [dates, times].filter(Boolean).join(", ") || null;
}

function QueueItem({ appointment, selected, onSelect }: { appointment: Appointment; selected: boolean; onSelect: (id: number) => void }) {
  const drag = useDraggable({ id: `queue:${appointment.id}`, data: { kind: "queue", appointment } });
  const window = windowText(appointment);
  const requested = appointment.requestedDate
    ? `${formatCalendarDate(appointment.requestedDate)}${appointment.requestedTime ? ` ${formatWallTime(appointment.requestedTime)}` : ""}`
    : appointment.dateStartLocal
      ? `${formatCalendarDate(appointment.dateStartLocal)} ${formatWallTime(appointment.timeStartLocal)}`
      : "no date yet";
  return (
    <li
      ref={drag.setNodeRef}
      {...drag.listeners}
      data-testid={`queue-${appointment.id}`}
      className={`cursor-grab touch-none select-none rounded-md border bg-white p-2 text-xs shadow-sm ${selected ? "border-indigo-500 ring-2 ring-indigo-500" : "border-sky-300"} ${drag.isDragging ? "relative z-40 opacity-80 shadow-lg" : ""}`}
      style={{ transform: drag.transform ? `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` : undefined }}
    >
      <button
        type="button"
        {...drag.attributes}
        onClick={() => onSelect(appointment.id)}
        className="block w-full cursor-grab text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
        onKeyDown={(event) => {
          // The keyboard path for a queued appointment is the side panel's place form.
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            event.stopPropagation();
            onSelect(appointment.id);
          }
        }}
      >
        <span className="block font-semibold">
          {appointment.apptType ?? "Appointment"} <span className="font-normal text-slate-500">#{appointment.id}</span>
        </span>
        <span className="block truncate">{appointment.location ?? appointment.summary ?? ""}</span>
        <span className="block text-slate-600">Requested: {requested}</span>
        {window ? <span className="block text-slate-600">Window: {window}</span> : null}
        {appointment.photographerName ? <span className="block text-slate-600">{appointment.photographerName} (no date)</span> : null}
        <span className="sr-only">Drag onto a lane, or press Enter to place it from the panel.</span>
      </button>
    </li>
  );
}

export function QueueTray({ queue, selectedId, onSelect }: { queue: Appointment[]; selectedId: number | null; onSelect: (id: number) => void }) {
  return (
    <section aria-labelledby="queue-heading" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2 lg:w-64 lg:shrink-0">
      <h2 id="queue-heading" className="text-sm font-semibold">
        Ready to schedule <span className="font-normal text-slate-500">({queue.length})</span>
      </h2>
      <p className="text-xs text-slate-500">Not yet placed: no photographer or no date. Drag one onto a lane.</p>
      {queue.length === 0 ? <p className="text-xs text-slate-500">Nothing waiting.</p> : null}
      <ul className="flex max-h-48 flex-col gap-2 overflow-y-auto lg:max-h-[70vh]" data-testid="queue">
        {queue.map((appointment) => (
          <QueueItem key={appointment.id} appointment={appointment} selected={selectedId === appointment.id} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}
