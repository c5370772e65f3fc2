"use client";
/**
 * The filter bar. Its inputs are named after the URL parameters, so applying
 * it is just navigating to the form's own query string (empty fields dropped,
 * back to the first page); the server page reads it from there.
 */
import type { ListAppointmentsInput } from "@plano/schema";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { Field, inputClasses } from "~/components/ui/field";
import { useOffices, usePhotographers } from "~/features/directory/use-directory";
import { ANY_DATE, type FlagFilter, flagFilters, listHref, listParamNames } from "./list-params";

const flagLabels: Record<FlagFilter, string> = { confirmed: "Confirmed", cancelled: "Cancelled", readyToSchedule: "Ready to schedule" };

const yesNoValue = (flag: boolean | undefined) => (flag === undefined ? "" : flag ? "yes" : "no");

export function ListFiltersForm({ input }: { input: ListAppointmentsInput }) {
  const router = useRouter();
  const offices = useOffices().data ?? [];
  const photographers = usePhotographers().data ?? [];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
    }
    // An emptied "From" means every date (an absent one would mean "today onward" again).
    if (!params.has(listParamNames.dateFromLocal) && !params.has(listParamNames.search) && !params.has(listParamNames.dateToLocal)) {
      params.set(listParamNames.dateFromLocal, ANY_DATE);
    }
    const query = params.toString();
    router.push(query ? `/appointments?${query}` : "/appointments");
  }

  return (
    <form
      // Remount when the URL changes (back button, shared link) so the fields show what is applied.
      key={listHref(input)}
      role="search"
      aria-label="Filter appointments"
      onSubmit={apply}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4 lg:grid-cols-6"
    >
      <Field label="Search" className="col-span-2">
        {(control) => (
          <input
            {...control}
            name={listParamNames.search}
            type="search"
            defaultValue={input.search ?? ""}
            placeholder="#id, order number, summary, address…"
            className={inputClasses}
          />
        )}
      </Field>
      <Field label="From (local date)">
        {(control) => <input {...control} name={listParamNames.dateFromLocal} type="date" defaultValue={input.dateFromLocal ?? ""} className={inputClasses} />}
      </Field>
      <Field label="To (local date)">
        {(control) => <input {...control} name={listParamNames.dateToLocal} type="date" defaultValue={input.dateToLocal ?? ""} className={inputClasses} />}
      </Field>
      <DirectorySelect label="Photographer" name={listParamNames.photographerUserId} value={input.photographerUserId} entries={photographers} />
      <DirectorySelect label="Office" name={listParamNames.officeId} value={input.officeId} entries={offices} />
      {flagFilters.map((flag) => (
        <Field key={flag} label={flagLabels[flag]}>
          {(control) => (
            <select {...control} name={listParamNames[flag]} defaultValue={yesNoValue(input[flag])} className={inputClasses}>
              <option value="">Any</option>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </select>
          )}
        </Field>
      ))}
      {input.sort === "-startsAt" ? <input type="hidden" name={listParamNames.sort} value="desc" /> : null}
      <div className="col-span-2 flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/appointments" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}

function DirectorySelect({
  label,
  name,
  value,
  entries,
}: {
  label: string;
  name: string;
  value: number | undefined;
  entries: readonly { id: number; name: string }[];
}) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} name={name} defaultValue={value ?? ""} className={inputClasses}>
          <option value="">Any</option>
          {entries.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
