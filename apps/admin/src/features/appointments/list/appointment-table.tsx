"use client";
/**
 * The list's rows: when (start–end in the shoot's zone, optionally in mine),
 * office, photographer, address, order and client, status, and the row
 * actions. On a phone each row reads as a card (no sideways scrolling).
 */
import type { Appointment } from "@plano/schema";
import { createColumnHelper, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import Link from "next/link";
import { formatCalendarDate, formatTimeRangeIn, formatWallTime, zoneAbbreviation } from "~/lib/time-display";
import { StatusBadges } from "./status-badges";

export interface OrderInfo {
  id: number;
  reference: string | null;
  clientName: string | null;
}

export type RowAction = "confirm" | "cancel" | "reassign" | "move";

export interface TableContext {
  officeName: (id: number) => string | undefined;
  order: (id: number) => OrderInfo | undefined;
  myZone: string | null;
  selected: ReadonlySet<number>;
  onSelect: (id: number, index: number, range: boolean) => void;
  onSelectPage: (all: boolean) => void;
  activeIndex: number;
  onAction: (appointment: Appointment, action: RowAction) => void;
  sortDescending: boolean;
  onToggleSort: () => void;
}

const column = createColumnHelper<Appointment>();
const muted = <span className="text-slate-500">—</span>;

function When({ appointment: a }: { appointment: Appointment }) {
  return (
    // No prefetch: fifty rows would be fifty server renders on every list view.
    <Link href={`/appointments/${a.id}`} prefetch={false} className="font-medium text-indigo-700 hover:underline" data-row-link>
      <span className="sr-only">Appointment {a.id}: </span>
      {a.dateStartLocal ? (
        <>
          <span className="block">{formatCalendarDate(a.dateStartLocal)}</span>
          <span className="block text-sm">
            {a.allday ? "All day" : `${formatWallTime(a.timeStartLocal)}–${formatWallTime(a.timeStopLocal)} ${zoneAbbreviation(a.startsAt, a.timeZoneLocal)}`}
          </span>
        </>
      ) : (
        "Unscheduled"
      )}
    </Link>
  );
}

function InMyZone({ appointment: a, zone }: { appointment: Appointment; zone: string }) {
  if (!a.startsAt || !a.stopsAt || a.allday) return muted;
  return (
    <span className="text-sm">
      {formatTimeRangeIn(a.startsAt, a.stopsAt, zone)} {zoneAbbreviation(a.startsAt, zone)}
    </span>
  );
}

function RowActions({ appointment: a, onAction }: { appointment: Appointment; onAction: TableContext["onAction"] }) {
  const button = "rounded px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 disabled:text-slate-400 disabled:hover:bg-transparent";
  return (
    <span className="flex flex-wrap gap-1" role="group" aria-label={`Actions for appointment ${a.id}`}>
      <button type="button" className={button} disabled={a.confirmed || a.cancelled} onClick={() => onAction(a, "confirm")}>
        Confirm
      </button>
      <button type="button" className={button} disabled={a.cancelled} onClick={() => onAction(a, "cancel")}>
        Cancel…
      </button>
      <button type="button" className={button} onClick={() => onAction(a, "reassign")}>
        Reassign…
      </button>
      <button type="button" className={button} disabled={!a.dateStartLocal} onClick={() => onAction(a, "move")}>
        Move…
      </button>
    </span>
  );
}

function columns(ctx: TableContext, pageIds: number[]) {
  const allSelected = pageIds.length > 0 && pageIds.every((id) => ctx.selected.has(id));
  return [
    column.display({
      id: "select",
      header: () => (
        <input
          type="checkbox"
          className="size-4"
          aria-label="Select every appointment on this page"
          checked={allSelected}
          onChange={(event) => ctx.onSelectPage(event.currentTarget.checked)}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="size-4"
          aria-label={`Select appointment ${row.original.id}`}
          checked={ctx.selected.has(row.original.id)}
          onClick={(event) => ctx.onSelect(row.original.id, row.index, event.shiftKey)}
          onChange={() => undefined}
        />
      ),
    }),
    column.display({
      id: "start",
      header: () => (
        <button type="button" onClick={ctx.onToggleSort} className="inline-flex items-center gap-1 font-semibold uppercase hover:text-indigo-700">
          Local start
          <span aria-hidden>{ctx.sortDescending ? "↓" : "↑"}</span>
          <span className="sr-only">
            {ctx.sortDescending ? "(latest first, activate to sort earliest first)" : "(earliest first, activate to sort latest first)"}
          </span>
        </button>
      ),
      cell: ({ row }) => <When appointment={row.original} />,
    }),
    ...(ctx.myZone
      ? [column.display({ id: "mine", header: `My zone (${ctx.myZone})`, cell: ({ row }) => <InMyZone appointment={row.original} zone={ctx.myZone!} /> })]
      : []),
    column.display({ id: "office", header: "Office", cell: ({ row }) => ctx.officeName(row.original.officeId) ?? `#${row.original.officeId}` }),
    column.accessor("photographerName", { header: "Photographer", cell: (info) => info.getValue() ?? <span className="text-slate-600">Unassigned</span> }),
    column.accessor("location", { header: "Address", cell: (info) => <span className="line-clamp-2">{info.getValue() ?? "—"}</span> }),
    column.display({
      id: "order",
      header: "Order and client",
      cell: ({ row }) => {
        const orderId = row.original.orderId;
        if (orderId === null) return muted;
        const order = ctx.order(orderId);
        return (
          <span className="text-sm">
            #{orderId}
            {order?.reference ? ` (${order.reference})` : ""}
            {order?.clientName ? <span className="block text-slate-600">{order.clientName}</span> : null}
          </span>
        );
      },
    }),
    column.display({
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <>
          <StatusBadges appointment={row.original} />
          {row.original.summary ? <span className="mt-1 line-clamp-1 block text-xs text-slate-600">{row.original.summary}</span> : null}
        </>
      ),
    }),
    column.display({ id: "actions", header: "Actions", cell: ({ row }) => <RowActions appointment={row.original} onAction={ctx.onAction} /> }),
  ];
}

/**
 * flexRender mounts a column's function as a component, and columns() makes new
 * functions on every render: React then remounts every cell on each refetch, so a
 * row button loses the focus a closing dialog gave back to it. Calling the
 * (hook-free) functions keeps each row's elements, and so its focus, in place.
 */
function render<C>(def: ((context: C) => unknown) | string | undefined, context: C): ReactNode {
  return (typeof def === "function" ? def(context) : def) as ReactNode;
}

const cellLabels: Record<string, string> = {
  office: "Office",
  photographerName: "Photographer",
  location: "Address",
  order: "Order",
  mine: "My zone",
};

export function AppointmentTable({ appointments, ctx }: { appointments: Appointment[]; ctx: TableContext }) {
  const table = useReactTable({
    data: appointments,
    columns: columns(
      ctx,
      appointments.map((a) => a.id),
    ),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    // The API sorts and pages (keyset); the table only lays rows out.
    manualSorting: true,
    manualPagination: true,
  });

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm md:table" aria-label="Appointments">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="border-b border-slate-200 px-3 py-2 font-semibold"
                  aria-sort={header.id === "start" ? (ctx.sortDescending ? "descending" : "ascending") : undefined}
                >
                  {render(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="block md:table-row-group">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-testid="appointment-row"
              data-active={row.index === ctx.activeIndex || undefined}
              aria-selected={ctx.selected.has(row.original.id)}
              className={`grid grid-cols-[auto_1fr] gap-x-3 border-b border-slate-100 p-3 md:table-row md:p-0 ${
                row.original.cancelled ? "bg-rose-50/40" : "hover:bg-slate-50"
              } ${ctx.selected.has(row.original.id) ? "bg-indigo-50" : ""} data-active:outline-2 data-active:-outline-offset-2 data-active:outline-indigo-500`}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`min-w-0 align-top md:px-3 md:py-2 ${cell.column.id === "select" ? "row-span-6" : "col-start-2"}`}>
                  {cellLabels[cell.column.id] ? <span className="text-xs text-slate-600 md:hidden">{cellLabels[cell.column.id]}: </span> : null}
                  {render(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {appointments.length === 0 ? <p className="px-3 py-8 text-center text-sm text-slate-600">No appointments match these filters.</p> : null}
    </div>
  );
}
