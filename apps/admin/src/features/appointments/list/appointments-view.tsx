"use client";
import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import type { Appointment, BulkChange, ListAppointmentsInput } from "@plano/schema";
import { BULK_MAX_ROWS } from "@plano/schema";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { LazyDialog as Dialog } from "~/components/ui/lazy-dialog";
import { Notice, Spinner } from "~/components/ui/notice";
import { useOffices } from "~/features/directory/use-directory";
import { errorMessageOf } from "~/trpc/errors";
import { useLiveList } from "../live/use-live-list";
import { api } from "~/trpc/react";
import { AppointmentTable, type RowAction, type TableContext } from "./appointment-table";
import { BulkProgress, type ChangeRequest, ChangeDialog, type RowRef, useBulkRunner } from "./bulk-actions";
import { ListFiltersForm } from "./list-filters-form";
import { listHref, paramsFromListInput } from "./list-params";
import { SavedViews } from "./saved-views";

const SHORTCUTS: [string, string][] = [
  ["/", "Search"],
  ["j / k", "Next / previous appointment"],
  ["e", "Edit the highlighted appointment"],
  ["c", "Confirm the highlighted appointment"],
  ["x", "Select or unselect the highlighted appointment"],
  ["?", "Show these shortcuts"],
];

/** Keys typed into a field are text, never shortcuts. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** `input` is what the server page read from the URL (and prefetched): the same query key here. */
export function AppointmentsView({ input }: { input: ListAppointmentsInput }) {
  const router = useRouter();
  const utils = api.useUtils();
  // While the next page or filter loads, the current rows stay (dimmed) instead of flashing empty.
  const list = api.appointment.list.useQuery(input, { placeholderData: keepPreviousData });
  const offices = useOffices().data ?? [];
  useLiveList(input);
  const descending = input.sort === "-startsAt";
  const appointments = useMemo(() => list.data?.appointments ?? [], [list.data]);

  const [selected, setSelected] = useState<Map<number, RowRef>>(new Map());
  const anchor = useRef<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [showMyZone, setShowMyZone] = useState(false);
  const [myZone, setMyZone] = useState<string | null>(null);
  const [request, setRequestState] = useState<{ change: ChangeRequest; rows: RowRef[] } | null>(null);
  // The control that opened a dialog gets the focus back when it closes (the row or bulk button).
  const opener = useRef<HTMLElement | null>(null);
  const setRequest = (next: { change: ChangeRequest; rows: RowRef[] } | null) => {
    if (next) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    else {
      const back = opener.current;
      setTimeout(() => back?.isConnected && back.focus(), 0);
    }
    setRequestState(next);
  };
  const [helpOpen, setHelpOpen] = useState(false);
  const [selectingAll, setSelectingAll] = useState<string | null>(null);
  const runner = useBulkRunner(() => {
    setSelected(new Map());
    void utils.appointment.list.invalidate();
  });

  useEffect(() => setMyZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  // A new filter or page is a new selection.
  const listKey = listHref(input);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list's key is the trigger, not a value the effect reads.
  useEffect(() => {
    setActiveIndex(-1);
  }, [listKey]);

  const refOf = (a: Appointment): RowRef => ({ id: a.id, updatedAtMt: a.updatedAtMt });

  function toggle(id: number, index: number, range: boolean) {
    // Read now: the updater below runs at the next render, after the anchor has moved.
    const from = range ? anchor.current : null;
    setSelected((previous) => {
      const next = new Map(previous);
      const rows = from !== null ? appointments.slice(Math.min(from, index), Math.max(from, index) + 1) : [appointments[index]!];
      const select = !previous.has(id);
      for (const row of rows) {
        if (select) next.set(row.id, refOf(row));
        else next.delete(row.id);
      }
      return next;
    });
    anchor.current = index;
  }

  async function selectAllMatching() {
    setSelectingAll("Selecting…");
    const next = new Map<number, RowRef>();
    let cursor: string | undefined;
    try {
      do {
        const page = await utils.appointment.list.fetch({ ...input, cursor, limit: 200 });
        for (const a of page.appointments) if (next.size < BULK_MAX_ROWS) next.set(a.id, refOf(a));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && next.size < BULK_MAX_ROWS);
      setSelected(next);
      setSelectingAll(cursor ? `Selected the first ${BULK_MAX_ROWS} matching appointments (the most one change can take).` : null);
    } catch (error) {
      setSelectingAll(errorMessageOf(error));
    }
  }

  function apply(change: BulkChange, label: string, rows: RowRef[]) {
    setRequest(null);
    void runner.start(label, change, rows);
  }

  function onAction(appointment: Appointment, action: RowAction) {
    const rows = [refOf(appointment)];
    if (action === "confirm") return apply({ kind: "confirm" }, `Confirm #${appointment.id}`, rows);
    if (action === "reassign") {
      const slot = appointment.startsAt && appointment.stopsAt ? { startsAt: appointment.startsAt, stopsAt: appointment.stopsAt } : null;
      return setRequest({ change: { kind: "reassign", slot, timeZone: appointment.timeZoneLocal }, rows });
    }
    setRequest({ change: { kind: action }, rows });
  }

  // Keyboard shortcuts (SHORTCUTS above), never while typing in a field or with a dialog open.
  const latest = useRef({ appointments, activeIndex, onAction, toggle });
  latest.current = { appointments, activeIndex, onAction, toggle };
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector("[role=dialog]")) return;
      const { appointments: rows, activeIndex: index } = latest.current;
      const focusRow = (next: number) => {
        setActiveIndex(next);
        document.querySelectorAll<HTMLElement>("[data-testid=appointment-row] [data-row-link]")[next]?.focus();
      };
      const active = rows[index];
      switch (event.key) {
        case "/":
          event.preventDefault();
          document.querySelector<HTMLInputElement>("form[role=search] input[name=q]")?.focus();
          return;
        case "j":
          if (rows.length > 0) focusRow(Math.min(rows.length - 1, index + 1));
          return;
        case "k":
          if (rows.length > 0) focusRow(Math.max(0, index - 1));
          return;
        case "e":
          if (active) router.push(`/appointments/${active.id}`);
          return;
        case "c":
          if (active && !active.confirmed && !active.cancelled) latest.current.onAction(active, "confirm");
          return;
        case "x":
          if (active) latest.current.toggle(active.id, index, false);
          return;
        case "?":
          setHelpOpen(true);
          return;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);

  const ctx: TableContext = {
    officeName: (id) => offices.find((o) => o.id === id)?.name,
    order: (id) => list.data?.orders.find((o) => o.id === id),
    myZone: showMyZone ? myZone : null,
    selected: new Set(selected.keys()),
    onSelect: toggle,
    onSelectPage: (all) =>
      setSelected((previous) => {
        const next = new Map(previous);
        for (const a of appointments) {
          if (all) next.set(a.id, refOf(a));
          else next.delete(a.id);
        }
        return next;
      }),
    activeIndex,
    onAction,
    sortDescending: descending,
    onToggleSort: () => router.push(listHref({ ...input, sort: descending ? "startsAt" : "-startsAt", cursor: undefined })),
  };
  const chosen = [...selected.values()];
  const filterQuery = paramsFromListInput({ ...input, cursor: undefined }).toString();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Appointments</h1>
        <div className="flex flex-wrap items-center gap-2">
          <SavedViews query={filterQuery} />
          <Button variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Shortcuts
          </Button>
          <Link href="/appointments/new" className={buttonClasses("primary")}>
            New appointment
          </Link>
        </div>
      </div>
      <ListFiltersForm input={input} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" className="size-4" checked={showMyZone} onChange={(e) => setShowMyZone(e.currentTarget.checked)} />
          Also show times in my zone{myZone ? ` (${myZone})` : ""}
        </label>
        <Button variant="ghost" onClick={() => void selectAllMatching()}>
          Select all matching
        </Button>
        {selectingAll ? <span role="status">{selectingAll}</span> : null}
      </div>

      {chosen.length > 0 ? (
        <div
          role="region"
          aria-label="Selected appointments"
          className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 p-3 text-sm"
        >
          <strong>{chosen.length} selected</strong>
          <Button onClick={() => apply({ kind: "confirm" }, `Confirm ${chosen.length} appointments`, chosen)}>Confirm</Button>
          <Button variant="secondary" onClick={() => setRequest({ change: { kind: "cancel" }, rows: chosen })}>
            Cancel…
          </Button>
          <Button variant="secondary" onClick={() => setRequest({ change: { kind: "reassign", slot: null, timeZone: myZone ?? "UTC" }, rows: chosen })}>
            Reassign…
          </Button>
          <Button variant="secondary" onClick={() => setRequest({ change: { kind: "move" }, rows: chosen })}>
            Move…
          </Button>
          <Button variant="ghost" onClick={() => setSelected(new Map())}>
            Clear selection
          </Button>
        </div>
      ) : null}
      {runner.run ? <BulkProgress run={runner.run} onDismiss={runner.dismiss} /> : null}

      {list.error ? (
        <Notice tone="error" title="The appointments could not be loaded.">
          {errorMessageOf(list.error)}
        </Notice>
      ) : null}
      {list.data ? (
        <div aria-busy={list.isPlaceholderData} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <AppointmentTable appointments={appointments} ctx={ctx} />
        </div>
      ) : list.isLoading ? (
        <Spinner label="Loading appointments…" />
      ) : null}
      <nav aria-label="Pages" className="flex items-center gap-2">
        {input.cursor ? (
          <Link href={listHref({ ...input, cursor: undefined })} className={buttonClasses("secondary")}>
            ← First page
          </Link>
        ) : null}
        {list.data?.nextCursor ? (
          <Link href={listHref({ ...input, cursor: list.data.nextCursor })} className={buttonClasses("secondary")} rel="next">
            Next page →
          </Link>
        ) : null}
        {list.isFetching ? <Spinner label="Updating…" /> : null}
      </nav>

      {request ? (
        <ChangeDialog
          request={request.change}
          count={request.rows.length}
          onClose={() => setRequest(null)}
          onApply={(change, label) => apply(change, label, request.rows)}
        />
      ) : null}
      {helpOpen ? (
        <Dialog open onOpenChange={setHelpOpen} title="Keyboard shortcuts">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([key, what]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono">{key}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      ) : null}
    </div>
  );
}
