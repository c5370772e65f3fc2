"use client";
import type { Appointment } from "@plano/schema";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { formatCalendarDate, formatWallTime, zoneAbbreviation } from "~/lib/time-display";
import { StatusBadges } from "./status-badges";

const column = createColumnHelper<Appointment>();

function LocalStart({ appointment: a }: { appointment: Appointment }) {
  return (
    // No prefetch: fifty rows would be fifty server renders on every list view.
    <Link href={`/appointments/${a.id}`} prefetch={false} className="font-medium text-indigo-700 hover:underline">
      <span className="sr-only">Appointment {a.id}: </span>
      {a.dateStartLocal ? <Scheduled appointment={a} /> : "Unscheduled"}
    </Link>
  );
}

function Scheduled({ appointment: a }: { appointment: Appointment }) {
  return (
    <>
      <span className="block">{formatCalendarDate(a.dateStartLocal)}</span>
      <span className="block text-sm">
        {a.allday ? "All day" : `${formatWallTime(a.timeStartLocal)} ${zoneAbbreviation(a.startsAt, a.timeZoneLocal)}`}
      </span>
    </>
  );
}

function OfficeStart({ appointment: a }: { appointment: Appointment }) {
  if (!a.dateStartOffice) return <span className="text-slate-400">—</span>;
  const sameDay = a.dateStartOffice === a.dateStartLocal;
  return (
    <span className="text-sm text-slate-700">
      {sameDay ? null : <span className="block">{formatCalendarDate(a.dateStartOffice)}</span>}
      {a.allday ? "All day" : `${formatWallTime(a.timeStartOffice)} ${zoneAbbreviation(a.startsAt, a.officeTimeZone)}`}
    </span>
  );
}

function columns(sortDescending: boolean, onToggleSort: () => void) {
  return [
    column.display({
      id: "start",
      header: () => (
        <button type="button" onClick={onToggleSort} className="inline-flex items-center gap-1 font-semibold uppercase hover:text-indigo-700">
          Local start
          <span aria-hidden>{sortDescending ? "↓" : "↑"}</span>
          <span className="sr-only">{sortDescending ? "(latest first, activate to sort earliest first)" : "(earliest first, activate to sort latest first)"}</span>
        </button>
      ),
      cell: ({ row }) => <LocalStart appointment={row.original} />,
    }),
    column.display({ id: "office", header: "Office time", cell: ({ row }) => <OfficeStart appointment={row.original} /> }),
    column.accessor("photographerName", { header: "Photographer", cell: (info) => info.getValue() ?? <span className="text-slate-400">Unassigned</span> }),
    column.accessor("orderId", { header: "Order", cell: (info) => (info.getValue() === null ? "—" : `#${info.getValue()}`) }),
    column.accessor("apptType", { header: "Type", cell: (info) => info.getValue() ?? "—" }),
    column.accessor("summary", { header: "Summary", cell: (info) => <span className="line-clamp-2">{info.getValue() ?? "—"}</span> }),
    column.display({ id: "status", header: "Status", cell: ({ row }) => <StatusBadges appointment={row.original} /> }),
  ];
}

export function AppointmentTable({
  appointments,
  sortDescending,
  onToggleSort,
}: {
  appointments: Appointment[];
  sortDescending: boolean;
  onToggleSort: () => void;
}) {
  const table = useReactTable({
    data: appointments,
    columns: columns(sortDescending, onToggleSort),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    // The API sorts and pages (keyset); the table only lays rows out.
    manualSorting: true,
    manualPagination: true,
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm" aria-label="Appointments">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="px-3 py-2 font-semibold"
                  aria-sort={header.id === "start" ? (sortDescending ? "descending" : "ascending") : undefined}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={row.original.cancelled ? "bg-rose-50/40" : "hover:bg-slate-50"} data-testid="appointment-row">
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2 align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {appointments.length === 0 ? <p className="px-3 py-8 text-center text-sm text-slate-500">No appointments match these filters.</p> : null}
    </div>
  );
}
