"use client";
/** A photographer's lane and the blocks on it: draggable along the lane, across lanes, and by their end. */
import { useDraggable, useDroppable } from "@dnd-kit/core";
import type { Appointment } from "@plano/schema";
import type { Placed } from "./board-geometry";
import { axisClock } from "./board-geometry";

export const ROW_HEIGHT = 52;

export interface DragPreview {
  id: string;
  /** Axis minutes the block would start (or, resizing, end) at. */
  minute: number;
  laneName: string | null;
}

function statusOf(appointment: Appointment): { label: string; classes: string } {
  if (appointment.cancelled) return { label: "Cancelled", classes: "border-slate-300 bg-slate-100 text-slate-500 line-through" };
  if (appointment.confirmed) return { label: "Confirmed", classes: "border-emerald-400 bg-emerald-50 text-emerald-950" };
  if (appointment.optional) return { label: "Optional", classes: "border-dashed border-violet-400 bg-violet-50 text-violet-950" };
  if (appointment.readyToSchedule) return { label: "Ready to schedule", classes: "border-sky-400 bg-sky-50 text-sky-950" };
  return { label: "Unconfirmed", classes: "border-slate-400 bg-white text-slate-900" };
}

export function blockLabel(appointment: Appointment, startLabel: string, endLabel: string): string {
  return `${startLabel}–${endLabel} ${appointment.apptType ?? "Appointment"}${appointment.location ? `, ${appointment.location}` : ""}`;
}

export function Block({
  placed,
  total,
  selected,
  preview,
  onSelect,
}: {
  placed: Placed;
  total: number;
  selected: boolean;
  preview: DragPreview | null;
  onSelect: (id: number) => void;
}) {
  const { appointment, start, end, left: from, right: to, row, overlaps, startLabel, endLabel, part, parts, continuesBefore, continuesAfter } = placed;
  // A shoot over several days moves by its first day's part; its length changes on the edit page (the axis skips the nights).
  const movable = !appointment.allday && !appointment.cancelled && part === 1;
  const resizable = movable && parts === 1;
  const suffix = part === 1 ? "" : `:${part}`;
  const move = useDraggable({ id: `block:${appointment.id}${suffix}`, disabled: !movable, data: { kind: "block", appointment, start, end } });
  const resize = useDraggable({ id: `resize:${appointment.id}${suffix}`, disabled: !resizable, data: { kind: "resize", appointment, start, end } });
  const status = statusOf(appointment);
  const left = (from / total) * 100;
  const resizing = resize.transform?.x ?? 0;
  const width = ((to - from) / total) * 100;
  const moving = move.isDragging || resize.isDragging;
  const previewText =
    preview && (preview.id === `block:${appointment.id}` || preview.id === `resize:${appointment.id}`)
      ? preview.id.startsWith("resize")
        ? `ends ${axisClock(preview.minute)}`
        : `→ ${axisClock(preview.minute)}${preview.laneName ? `, ${preview.laneName}` : ""}`
      : null;
  // The button's name is its visible text (WCAG 2.5.3, label in name), plus what only a screen reader needs.
  const dayText = parts > 1 ? `, day ${part} of ${parts}` : "";
  return (
    <div
      ref={move.setNodeRef}
      data-testid={`block-${appointment.id}${suffix ? `-part-${part}` : ""}`}
      data-start={startLabel}
      data-end={endLabel}
      data-part={`${part}/${parts}`}
      className={`group absolute touch-none select-none overflow-hidden border ${continuesBefore ? "rounded-l-none" : "rounded-l-md"} ${continuesAfter ? "rounded-r-none" : "rounded-r-md"} text-[11px] leading-tight shadow-sm ${status.classes} ${
        selected ? "ring-2 ring-indigo-500" : ""
      } ${overlaps.length > 0 ? "outline outline-2 outline-offset-[-2px] outline-amber-500" : ""} ${moving ? "z-20 opacity-90 shadow-lg" : "z-10"}`}
      style={{
        left: `${left}%`,
        width: `calc(${width}% + ${resizing}px)`,
        minWidth: 8,
        top: row * ROW_HEIGHT + 3,
        height: ROW_HEIGHT - 6,
        transform: move.transform ? `translate3d(${move.transform.x}px, ${move.transform.y}px, 0)` : undefined,
      }}
    >
      <button
        type="button"
        {...move.attributes}
        {...move.listeners}
        aria-pressed={selected}
        onClick={() => onSelect(appointment.id)}
        className={`block h-full w-full px-1.5 py-0.5 text-left focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${movable ? "cursor-grab active:cursor-grabbing" : "cursor-pointer"}`}
      >
        <span className="block truncate font-semibold">
          {continuesBefore ? <span aria-hidden>← </span> : null}
          {startLabel}–{endLabel} {appointment.apptType ?? ""}
          {continuesAfter ? <span aria-hidden> →</span> : null}
          {dayText ? <span className="sr-only">{dayText}</span> : null}
          {overlaps.length > 0 ? (
            <span className="ml-1 rounded bg-amber-200 px-1 text-amber-900" title={`Overlaps ${overlaps.map((o) => `#${o.id}`).join(", ")}`}>
              ⚠ overlap
            </span>
          ) : null}
        </span>
        <span className="block truncate">{appointment.location ?? appointment.summary ?? `#${appointment.id}`}</span>
        <span className="block truncate text-[10px] opacity-80">{previewText ?? status.label}</span>
      </button>
      {resizable ? (
        <span
          ref={resize.setNodeRef}
          {...resize.attributes}
          {...resize.listeners}
          role="button"
          aria-label={`Change the end of ${blockLabel(appointment, startLabel, endLabel)}`}
          data-testid={`resize-${appointment.id}`}
          className="absolute inset-y-0 right-0 w-2 cursor-ew-resize bg-black/10 opacity-0 focus:opacity-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 group-hover:opacity-100"
        />
      ) : null}
    </div>
  );
}

export function Lane({
  photographer,
  load,
  rows,
  blocks,
  total,
  selectedId,
  preview,
  onSelect,
  trackRef,
  gridDays,
}: {
  photographer: { id: number; name: string };
  load: number;
  rows: number;
  blocks: Placed[];
  total: number;
  selectedId: number | null;
  preview: DragPreview | null;
  onSelect: (id: number) => void;
  trackRef?: (node: HTMLElement | null) => void;
  gridDays: number;
}) {
  const drop = useDroppable({ id: `lane:${photographer.id}`, data: { photographer } });
  const hours = Math.round((load / 60) * 10) / 10;
  return (
    <div role="row" className="flex border-b border-slate-200" data-testid={`lane-${photographer.id}`}>
      <div role="rowheader" className="sticky left-0 z-30 flex w-36 shrink-0 flex-col justify-center border-r border-slate-200 bg-white px-2 text-sm sm:w-44">
        <span className="truncate font-medium">{photographer.name}</span>
        <span className="text-xs text-slate-500">{hours} h booked</span>
      </div>
      <div
        role="gridcell"
        ref={(node) => {
          drop.setNodeRef(node);
          trackRef?.(node);
        }}
        className={`relative flex-1 ${drop.isOver ? "bg-indigo-50" : ""}`}
        style={{
          height: rows * ROW_HEIGHT,
          // Hour lines, and a darker line between days.
          backgroundImage: `repeating-linear-gradient(to right, transparent 0, transparent calc(100% / ${gridDays * 16} - 1px), rgb(241 245 249) calc(100% / ${gridDays * 16} - 1px), rgb(241 245 249) calc(100% / ${gridDays * 16})), repeating-linear-gradient(to right, transparent 0, transparent calc(100% / ${gridDays} - 2px), rgb(203 213 225) calc(100% / ${gridDays} - 2px), rgb(203 213 225) calc(100% / ${gridDays}))`,
        }}
      >
        {blocks.map((placed) => (
          <Block
            key={`${placed.appointment.id}:${placed.part}`}
            placed={placed}
            total={total}
            selected={selectedId === placed.appointment.id}
            preview={preview}
            onSelect={onSelect}
          />
        ))}
      </div>
    </div>
  );
}
