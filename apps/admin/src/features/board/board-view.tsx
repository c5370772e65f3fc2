"use client";
/**
 * The dispatch board: a lane per photographer (grouped by home office), blocks
 * sized by duration on an office-zone time axis, the ready-to-schedule queue,
 * and a side panel. Drag a block along its lane to move it (15-minute snap),
 * onto another lane to reassign it, or by its end to change its length; drag
 * a queued appointment onto a lane to place it. Every drag has a keyboard
 * path (dnd-kit's keyboard sensor: Enter picks up, arrows move 15 minutes or
 * one lane, Enter drops, Escape cancels, each step announced). Every drop is
 * one `appointment.update` with the version shown; a stale one opens the
 * conflict dialog, and the last move can be undone (toast button, Ctrl+Z).
 */
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
} from "@dnd-kit/core";
import type { Appointment, AppointmentPatch, Warning } from "@plano/schema";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses } from "~/components/ui/field";
import { Notice, Spinner } from "~/components/ui/notice";
import { OfficeSelect } from "~/features/directory/office-select";
import { useOffices } from "~/features/directory/use-directory";
import { formatCalendarDate } from "~/lib/time-display";
import { errorMessageOf, planoErrorOf, savedDespiteEmail } from "~/trpc/errors";
import { api } from "~/trpc/react";
import type { AppointmentPatchValues } from "../appointments/edit/use-appointment-form";
import { useBoardData } from "./board-data";
import { addDays, axisClock, axisOf, DAY_SPAN_MIN, instantAt, layoutLane, outsideWindow, snap, SNAP_MIN, startPatch, type Axis } from "./board-geometry";
import { Lane, type DragPreview } from "./board-lanes";
import { boardSearch, type BoardParams } from "./board-params";
import { QueueTray } from "./queue-tray";

// Opened by a click or a refused save: loaded then, not with the board (the panel brings the pickers and status actions).
const SidePanel = dynamic(() => import("./side-panel").then((module) => module.SidePanel), { ssr: false });
const ConflictDialog = dynamic(() => import("../appointments/edit/conflict-dialog").then((module) => module.ConflictDialog), { ssr: false });
import type { PanelPatch } from "./side-panel";

type Photographer = { id: number; name: string; officeId: number | null };
type DragData = { kind: "block" | "resize"; appointment: Appointment; start: number; end: number } | { kind: "queue"; appointment: Appointment };

interface LastMove {
  id: number;
  label: string;
  /** The values before the move, to write back. */
  revert: AppointmentPatch;
  /** The version the move produced: the undo is refused if someone saved since. */
  version: string;
}
interface Toast {
  id: number;
  tone: "info" | "warning" | "error";
  text: string;
  undo?: boolean;
}
interface Conflict {
  base: Appointment;
  theirs: Appointment;
  mine: AppointmentPatch;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Only lanes are drop targets; the one under the pointer (or the dragged block's middle, by keyboard) wins. */
const laneUnder: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
  const x = pointerCoordinates?.x ?? collisionRect.left + Math.min(collisionRect.width / 2, 12);
  const y = pointerCoordinates?.y ?? collisionRect.top + collisionRect.height / 2;
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.top + rect.height) return [{ id: container.id }];
  }
  return [];
};

export function BoardView({ params }: { params: BoardParams }) {
  const router = useRouter();
  const { board, apply } = useBoardData(params);
  const offices = useOffices();
  const update = api.appointment.update.useMutation();
  const utils = api.useUtils();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [lastMove, setLastMove] = useState<LastMove | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [preview, setPreview] = useState<DragPreview | null>(null);
  const previewRef = useRef<DragPreview | null>(null);
  const [trackWidth, setTrackWidth] = useState(960);
  const trackObserver = useRef<ResizeObserver | null>(null);
  const [myZone, setMyZone] = useState<string>("UTC");
  useEffect(() => setMyZone(browserZone()), []);

  const data = board.data;
  const axis: Axis = useMemo(() => axisOf(params.date, params.view === "week" ? 7 : 1), [params.date, params.view]);
  const pxPerMinute = trackWidth / axis.total;
  const snapPx = SNAP_MIN * pxPerMinute;

  const navigate = (next: Partial<BoardParams>) => router.replace(`/board?${boardSearch({ ...params, ...next })}`, { scroll: false });

  const say = useCallback((toast: Omit<Toast, "id">) => {
    const id = Date.now() + Math.random();
    setToasts((current) => [...current.slice(-2), { ...toast, id }]);
    setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), toast.undo ? 12_000 : 6_000);
  }, []);

  // ---- lanes ---------------------------------------------------------------
  const officeZone = useCallback((officeId: number | null) => offices.data?.find((o) => o.id === officeId)?.timeZone ?? null, [offices.data]);
  const groups = useMemo(() => {
    if (!data) return [];
    const visible = data.appointments.filter((a) => params.showCancelled || !a.cancelled);
    const byPhotographer = new Map<number, Appointment[]>();
    for (const appointment of visible) {
      if (appointment.photographerUserId === null) continue;
      const list = byPhotographer.get(appointment.photographerUserId) ?? [];
      list.push(appointment);
      byPhotographer.set(appointment.photographerUserId, list);
    }
    const officeIds = [...new Set(data.photographers.map((p) => p.officeId))];
    const officeName = (id: number | null) => offices.data?.find((o) => o.id === id)?.name ?? "No home office";
    officeIds.sort((a, b) => (a === data.officeId ? -1 : b === data.officeId ? 1 : officeName(a).localeCompare(officeName(b))));
    return officeIds.map((officeId) => {
      const zone = params.myZone ? myZone : (officeZone(officeId) ?? officeZone(data.officeId) ?? myZone);
      const lanes = data.photographers
        .filter((p: Photographer) => p.officeId === officeId)
        .map((photographer) => {
          const appointments = byPhotographer.get(photographer.id) ?? [];
          const layout = layoutLane(axis, appointments, zone);
          const load = layout.blocks.filter((b) => !b.appointment.cancelled).reduce((sum, b) => sum + (b.right - b.left), 0);
          return { photographer, zone, load, ...layout };
        });
      lanes.sort((a, b) => (params.sort === "load" ? b.load - a.load : 0) || a.photographer.name.localeCompare(b.photographer.name));
      return { officeId, name: officeName(officeId), zone, lanes, visiting: data.officeId !== null && officeId !== data.officeId };
    });
  }, [data, params.showCancelled, params.myZone, params.sort, myZone, officeZone, offices.data, axis]);
  const lanes = useMemo(() => groups.flatMap((group) => group.lanes), [groups]);
  const laneOf = (id: string | number | undefined | null) => lanes.find((lane) => `lane:${lane.photographer.id}` === String(id));

  const trackRef = useCallback((node: HTMLElement | null) => {
    trackObserver.current?.disconnect();
    if (!node) return;
    trackObserver.current = new ResizeObserver(([entry]) => entry && setTrackWidth(entry.contentRect.width));
    trackObserver.current.observe(node);
  }, []);

  // ---- saving --------------------------------------------------------------
  async function commit(
    appointment: Appointment,
    patch: AppointmentPatch,
    label: string,
    options: { undoable?: boolean; warning?: string | null; isUndo?: boolean } = {},
  ) {
    const version = options.isUndo && lastMove ? lastMove.version : appointment.updatedAtMt;
    const saved = (stored: Appointment, warnings: Warning[], emailNote = "") => {
      apply(appointment.id, stored);
      const overlaps = warnings.flatMap((warning) => warning.overlaps ?? []);
      const overlapText = overlaps.length > 0 ? ` Overlaps ${overlaps.map((o) => `#${o.id}`).join(", ")}.` : "";
      if (options.undoable) {
        const revert = Object.fromEntries(Object.keys(patch).map((key) => [key, appointment[key as keyof Appointment]])) as AppointmentPatch;
        setLastMove({ id: appointment.id, label, revert, version: stored.updatedAtMt });
      } else if (options.isUndo) setLastMove(null);
      const tone = overlaps.length > 0 || options.warning || emailNote ? "warning" : "info";
      say({ tone, text: `${label}.${overlapText}${options.warning ? ` ${options.warning}` : ""}${emailNote}`, undo: options.undoable });
    };
    try {
      const result = await update.mutateAsync({ id: appointment.id, updatedAtMt: version, patch });
      saved(result.appointment, result.warnings);
    } catch (error) {
      const detail = planoErrorOf(error);
      const kept = savedDespiteEmail(error);
      if (detail?.reason === "update-conflict" && detail.current) {
        setConflict({ base: appointment, theirs: detail.current, mine: patch });
      } else if (kept) {
        saved(kept.saved, [], ` ${kept.message} See Notifications.`);
      } else say({ tone: "error", text: `Not saved: ${errorMessageOf(error)}` });
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: `commit` is rebuilt every render; the undo changes only with the last move and the data.
  const undo = useCallback(() => {
    if (!lastMove || !data) return;
    const current = [...data.appointments, ...data.queue].find((a) => a.id === lastMove.id);
    const base = current ?? ({ id: lastMove.id, updatedAtMt: lastMove.version } as Appointment);
    void commit({ ...base, updatedAtMt: lastMove.version }, lastMove.revert, `Undid: ${lastMove.label}`, { isUndo: true });
  }, [lastMove, data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z" && lastMove) {
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, lastMove]);

  // ---- dragging ------------------------------------------------------------
  const snapModifier: Modifier = ({ transform, active }) => {
    const kind = (active?.data.current as DragData | undefined)?.kind;
    if (kind === "queue") return transform;
    return { ...transform, x: Math.round(transform.x / snapPx) * snapPx, y: kind === "resize" ? 0 : transform.y };
  };

  /** Arrows: ±15 minutes, or to the next/previous lane's middle. */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
    const { collisionRect, droppableRects } = context;
    if (event.code === "ArrowRight") return { ...currentCoordinates, x: currentCoordinates.x + snapPx };
    if (event.code === "ArrowLeft") return { ...currentCoordinates, x: currentCoordinates.x - snapPx };
    if ((event.code === "ArrowDown" || event.code === "ArrowUp") && collisionRect) {
      const middle = collisionRect.top + collisionRect.height / 2;
      const rects = [...droppableRects.entries()]
        .filter(([id]) => String(id).startsWith("lane:"))
        .map(([, rect]) => rect)
        .sort((a, b) => a.top - b.top);
      const index = rects.findIndex((rect) => middle >= rect.top && middle <= rect.top + rect.height);
      const target = rects[index + (event.code === "ArrowDown" ? 1 : -1)];
      if (!target) return currentCoordinates;
      return { ...currentCoordinates, y: currentCoordinates.y + (target.top + Math.min(target.height, 52) / 2 - middle) };
    }
    return undefined;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  /** Where a drag would land: the block's new start (or end) on the axis, and the lane. */
  function landing(event: { active: DragMoveEvent["active"]; delta: { x: number }; over: DragMoveEvent["over"] }) {
    const drag = event.active.data.current as DragData | undefined;
    const lane = laneOf(event.over?.id);
    if (!drag) return null;
    if (drag.kind === "queue") {
      const track = event.over ? event.over.rect : null;
      const translated = event.active.rect.current.translated;
      if (!track || !translated) return { drag, lane, minute: null };
      return { drag, lane, minute: snap((translated.left - track.left) / pxPerMinute) };
    }
    const deltaMinutes = event.delta.x / pxPerMinute;
    return { drag, lane, minute: snap((drag.kind === "resize" ? drag.end : drag.start) + deltaMinutes) };
  }

  function onDragMove(event: DragMoveEvent) {
    const at = landing(event);
    const next = at && at.minute !== null ? { id: String(event.active.id), minute: at.minute, laneName: at.lane?.photographer.name ?? null } : null;
    previewRef.current = next;
    setPreview(next);
  }

  function onDragEnd(event: DragEndEvent) {
    setPreview(null);
    previewRef.current = null;
    const at = landing(event);
    if (!at || at.minute === null) return;
    const { drag, lane, minute } = at;
    const appointment = drag.appointment;
    if (drag.kind === "resize") {
      const minutes = Math.max(minute - drag.start, SNAP_MIN);
      if (minutes === drag.end - drag.start) return;
      void commit(appointment, { timeDurationS: minutes * 60 }, `Changed #${appointment.id} to end at ${axisClock(drag.start + minutes)}`, { undoable: true });
      return;
    }
    if (!lane) return;
    const instant = instantAt(axis, minute, lane.zone);
    if (!instant) return say({ tone: "error", text: "That time does not exist on this day (the clocks skip it)." });
    const patch: AppointmentPatch = { ...startPatch(appointment, instant) };
    if (appointment.photographerUserId !== lane.photographer.id) patch.photographerUserId = lane.photographer.id;
    const where = `${axisClock(minute)}${axis.days > 1 ? ` on ${formatCalendarDate(addDays(axis.from, Math.floor(minute / DAY_SPAN_MIN)))}` : ""}`;
    if (drag.kind === "queue") {
      if (!appointment.timeDurationS) patch.timeDurationS = 3600;
      void commit(appointment, patch, `Placed #${appointment.id} with ${lane.photographer.name} at ${where}`, {
        undoable: true,
        warning: outsideWindow(appointment, instant),
      });
      return;
    }
    const samePlace = patch.photographerUserId === undefined && minute === drag.start;
    if (samePlace) return;
    const text =
      patch.photographerUserId !== undefined
        ? `Reassigned #${appointment.id} to ${lane.photographer.name} at ${where}`
        : `Moved #${appointment.id} to ${where}`;
    void commit(appointment, patch, text, { undoable: true });
  }

  const describe = (id: string | number) => {
    const [kind, raw] = String(id).split(":");
    const appointment = data && [...data.appointments, ...data.queue].find((a) => a.id === Number(raw));
    const name = appointment ? `${appointment.apptType ?? "appointment"} #${appointment.id}` : `appointment ${raw}`;
    return { kind, name };
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const { kind, name } = describe(active.id);
      return kind === "resize"
        ? `Picked up the end of ${name}. Left and right arrows change the end by 15 minutes. Enter to save, Escape to cancel.`
        : `Picked up ${name}. Left and right arrows move it by 15 minutes, up and down by one lane. Enter to save, Escape to cancel.`;
    },
    // The time only: dnd-kit learns the lane under the block one render after the move, so a lane named here
    // could be the one just left. The lane is said when it changes (onDragOver, below).
    onDragMove: ({ active }) => {
      const at = previewRef.current;
      if (!at) return undefined;
      const { kind, name } = describe(active.id);
      return kind === "resize" ? `${name} would end at ${axisClock(at.minute)}.` : `${name} would start at ${axisClock(at.minute)}.`;
    },
    // A change of lane is news: the lane, and the time there (the preview was just refreshed by onDragOver).
    onDragOver: ({ active, over }) => {
      const from = (active.data.current as DragData | undefined)?.appointment.photographerUserId;
      const lane = laneOf(over?.id);
      if (!lane || lane.photographer.id === from) return undefined;
      const at = previewRef.current;
      return `${describe(active.id).name} is over ${lane.photographer.name}'s lane${at ? `, starting at ${axisClock(at.minute)}` : ""}.`;
    },
    onDragEnd: ({ active, over }) =>
      over || String(active.id).startsWith("resize")
        ? `Dropped ${describe(active.id).name}. Saving.`
        : `${describe(active.id).name} was not dropped on a lane.`,
    onDragCancel: ({ active }) => `Cancelled. ${describe(active.id).name} stays where it was.`,
  };

  // ---- rendering -----------------------------------------------------------
  if (board.error)
    return (
      <Notice tone="error" title="The board could not be loaded.">
        {errorMessageOf(board.error)}
      </Notice>
    );
  if (!data) return <Spinner label="Loading the board…" />;
  const selected = [...data.appointments, ...data.queue].find((a) => a.id === selectedId) ?? null;
  const step = params.view === "week" ? 7 : 1;
  const hours = Array.from({ length: axis.total / 60 }, (_, i) => i);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <h1 className="text-2xl font-semibold">Board</h1>
        <div className="flex items-center gap-1" role="group" aria-label="Date">
          <Button
            variant="secondary"
            onClick={() => navigate({ date: addDays(params.date, -step) })}
            aria-label={params.view === "week" ? "Previous week" : "Previous day"}
          >
            ←
          </Button>
          <input
            type="date"
            aria-label="First day shown"
            className={inputClasses}
            value={params.date}
            onChange={(event) => event.target.value && navigate({ date: event.target.value })}
          />
          <Button
            variant="secondary"
            onClick={() => navigate({ date: addDays(params.date, step) })}
            aria-label={params.view === "week" ? "Next week" : "Next day"}
          >
            →
          </Button>
        </div>
        <div className="flex rounded-md border border-slate-300" role="group" aria-label="View">
          {(["day", "week"] as const).map((view) => (
            <button
              key={view}
              type="button"
              aria-pressed={params.view === view}
              onClick={() => navigate({ view })}
              className={`px-3 py-1.5 text-sm capitalize ${params.view === view ? "bg-indigo-600 text-white" : "bg-white"}`}
            >
              {view}
            </button>
          ))}
        </div>
        {/* biome-ignore lint/a11y/noLabelWithoutControl: OfficeSelect renders the <select> this label wraps */}
        <label className="flex flex-col text-xs text-slate-600">
          Office
          <OfficeSelect value={params.officeId} onChange={(officeId) => navigate({ officeId })} />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Sort lanes
          <select className={inputClasses} value={params.sort} onChange={(event) => navigate({ sort: event.target.value === "load" ? "load" : "name" })}>
            <option value="name">By name</option>
            <option value="load">By load</option>
          </select>
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={params.myZone} onChange={(event) => navigate({ myZone: event.target.checked })} />
          My zone ({myZone})
        </label>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={params.showCancelled} onChange={(event) => navigate({ showCancelled: event.target.checked })} />
          Show cancelled
        </label>
      </div>
      {data.truncated ? <Notice tone="warning">More appointments than the board shows at once: pick one office or a day.</Notice> : null}

      <DndContext
        sensors={sensors}
        collisionDetection={laneUnder}
        modifiers={[snapModifier]}
        onDragMove={onDragMove}
        onDragOver={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setPreview(null);
          previewRef.current = null;
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "To move this appointment, press Enter. Left and right arrows move it by 15 minutes, up and down to another photographer's lane. Press Enter to save or Escape to cancel.",
          },
        }}
      >
        <div className="flex flex-col gap-3 lg:flex-row lg:items-start">
          <QueueTray queue={data.queue} selectedId={selectedId} onSelect={setSelectedId} />
          <div className="min-w-0 flex-1 overflow-x-auto rounded-lg border border-slate-200 bg-white" data-testid="board-grid">
            <div
              role="grid"
              aria-label={`Board for ${formatCalendarDate(params.date)}${params.view === "week" ? ` to ${formatCalendarDate(addDays(params.date, 6))}` : ""}`}
              style={{ minWidth: params.view === "week" ? 1600 : 820 }}
            >
              {groups.map((group, index) => (
                <div key={group.officeId ?? "none"} role="rowgroup">
                  <div role="row" className="sticky top-0 z-30 flex border-b border-slate-200 bg-slate-50">
                    <div
                      role="columnheader"
                      className="sticky left-0 z-30 w-36 shrink-0 border-r border-slate-200 bg-slate-50 px-2 py-1 text-sm font-semibold sm:w-44"
                    >
                      {group.name}
                      {group.visiting ? <span className="block text-xs font-normal text-slate-500">working here</span> : null}
                      <span className="block text-xs font-normal text-slate-500">
                        {params.myZone ? "your time" : `${group.zone.split("/").pop()?.replace("_", " ")} time`}
                      </span>
                    </div>
                    <div role="columnheader" className="relative h-10 flex-1">
                      {hours.map((hour) =>
                        hour % (params.view === "week" ? 4 : 1) === 0 ? (
                          <span key={hour} className="absolute top-0 text-[10px] text-slate-500" style={{ left: `${((hour * 60) / axis.total) * 100}%` }}>
                            {hour % 16 === 0 && axis.days > 1 ? (
                              <b className="block">{formatCalendarDate(addDays(axis.from, hour / 16)).slice(0, 10)}</b>
                            ) : (
                              axisClock(hour * 60)
                            )}
                          </span>
                        ) : null,
                      )}
                    </div>
                  </div>
                  {group.lanes.map((lane, laneIndex) => (
                    <Lane
                      key={lane.photographer.id}
                      photographer={lane.photographer}
                      load={lane.load}
                      rows={lane.rows}
                      blocks={lane.blocks}
                      total={axis.total}
                      selectedId={selectedId}
                      preview={preview}
                      onSelect={setSelectedId}
                      trackRef={index === 0 && laneIndex === 0 ? trackRef : undefined}
                      gridDays={axis.days}
                    />
                  ))}
                  {group.lanes.length === 0 ? <p className="px-2 py-2 text-sm text-slate-500">No photographers.</p> : null}
                </div>
              ))}
              {groups.length === 0 ? <p className="p-4 text-sm text-slate-500">No photographers work from this office yet.</p> : null}
            </div>
          </div>
          {selected ? (
            <SidePanel
              appointment={selected}
              onSave={(appointment, patch: PanelPatch, label) =>
                void commit(appointment, patch as AppointmentPatch, `${label} (#${appointment.id})`, {
                  undoable: "photographerUserId" in patch || "dateStartLocal" in patch || "timeStartLocal" in patch,
                })
              }
              onStatusChanged={(appointment) => apply(appointment.id, appointment)}
              onClose={() => setSelectedId(null)}
            />
          ) : null}
        </div>
      </DndContext>

      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === "error" ? "alert" : "status"}
            className={`pointer-events-auto flex max-w-xl items-center gap-3 rounded-lg px-4 py-2 text-sm text-white shadow-lg ${toast.tone === "error" ? "bg-rose-700" : toast.tone === "warning" ? "bg-amber-700" : "bg-slate-800"}`}
          >
            <span>{toast.text}</span>
            {toast.undo && lastMove ? (
              <button type="button" className="rounded border border-white/40 px-2 py-0.5 font-medium hover:bg-white/10" onClick={undo}>
                Undo <span className="text-xs opacity-70">(Ctrl+Z)</span>
              </button>
            ) : null}
          </div>
        ))}
      </div>

      {conflict ? (
        <ConflictDialog
          base={conflict.base}
          theirs={conflict.theirs}
          mine={conflict.mine as AppointmentPatchValues}
          onResolve={({ keep, theirs }) => {
            setConflict(null);
            apply(theirs.id, theirs);
            if (Object.keys(keep).length > 0) void commit(theirs, keep as AppointmentPatch, `Saved your choice (#${theirs.id})`, { undoable: true });
          }}
          onReload={(theirs) => {
            setConflict(null);
            apply(theirs.id, theirs);
            void utils.appointment.history.invalidate({ id: theirs.id });
          }}
          onDismiss={() => {
            setConflict(null);
            say({ tone: "warning", text: "Not saved: someone else changed it first." });
          }}
        />
      ) : null}
    </div>
  );
}
