"use client";
import { keepPreviousData } from "@tanstack/react-query";
import Link from "next/link";
import type { ListAppointmentsInput } from "@plano/schema";
import { useRouter } from "next/navigation";
import { buttonClasses } from "~/components/ui/button";
import { Notice, Spinner } from "~/components/ui/notice";
import { errorMessageOf } from "~/trpc/errors";
import { useLiveList } from "../live/use-live-list";
import { api } from "~/trpc/react";
import { AppointmentTable } from "./appointment-table";
import { ListFiltersForm } from "./list-filters-form";
import { listHref } from "./list-params";

/** `input` is what the server page read from the URL (and prefetched): the same query key here. */
export function AppointmentsView({ input }: { input: ListAppointmentsInput }) {
  const router = useRouter();
  // While the next page or filter loads, the current rows stay (dimmed) instead of flashing empty.
  const list = api.appointment.list.useQuery(input, { placeholderData: keepPreviousData });
  useLiveList(input);
  const descending = input.sort === "-startsAt";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Appointments</h1>
        <Link href="/appointments/new" className={buttonClasses("primary")}>
          New appointment
        </Link>
      </div>
      <ListFiltersForm input={input} />
      {list.error ? <Notice tone="error" title="The appointments could not be loaded.">{errorMessageOf(list.error)}</Notice> : null}
      {list.data ? (
        <div aria-busy={list.isPlaceholderData} className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <AppointmentTable
            appointments={list.data.appointments}
            sortDescending={descending}
            onToggleSort={() => router.push(listHref({ ...input, sort: descending ? "startsAt" : "-startsAt", cursor: undefined }))}
          />
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
    </div>
  );
}
