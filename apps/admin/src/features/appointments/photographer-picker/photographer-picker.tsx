"use client";
/**
 * Choose a photographer knowing who is free: for the appointment's slot, one
 * `appointment.availability` query says, per office, who is free and who is
 * already booked, and with what. A native <select> with one group per office:
 * it is keyboard- and screen-reader-friendly everywhere, phones included.
 * Used by the edit page and the board's side panel.
 */
import type { AvailablePhotographer } from "@plano/schema";
import { useDeferredValue, useId } from "react";
import { inputClasses } from "~/components/ui/field";
import { usePhotographers } from "~/features/directory/use-directory";
import { formatTimeRangeIn } from "~/lib/time-display";
import { api } from "~/trpc/react";

export interface PickerSlot {
  startsAt: string;
  stopsAt: string;
}

function busyText(photographer: AvailablePhotographer, timeZone: string): string {
  if (photographer.free) return "free";
  const shown = photographer.overlaps
    .slice(0, 2)
    .map((o) => `#${o.id}${o.summary ? ` ${o.summary}` : ""}${o.startsAt && o.stopsAt ? ` ${formatTimeRangeIn(o.startsAt, o.stopsAt, timeZone)}` : ""}`);
  const more = photographer.overlaps.length + photographer.hiddenOverlaps - shown.length;
  return `busy: ${[...shown, ...(more > 0 ? [`${more} more`] : [])].join("; ")}`;
}

export function PhotographerPicker({
  value,
  onChange,
  slot,
  excludeId,
  timeZone,
  currentName,
  label = "Photographer",
  error,
  title,
  id: givenId,
}: {
  value: number | null;
  onChange: (photographer: { id: number; name: string } | null) => void;
  /** The appointment's [start, stop); null while it has no time (then only names are listed). */
  slot: PickerSlot | null;
  /** The appointment being edited: not its own overlap. */
  excludeId?: number | null;
  /** The zone overlap times are shown in (the appointment's). */
  timeZone: string;
  /** The stored name, for an assignee the list does not hold. */
  currentName?: string | null;
  label?: string;
  error?: string | undefined;
  title?: string;
  id?: string;
}) {
  const fallbackId = useId();
  const id = givenId ?? fallbackId;
  // Typing a time changes the slot per keystroke: ask for the settled value.
  const settled = useDeferredValue(slot);
  const availability = api.appointment.availability.useQuery(
    settled ? { ...settled, ...(excludeId ? { excludeId } : {}) } : { startsAt: "1970-01-01T00:00:00Z", stopsAt: "1970-01-01T00:00:01Z" },
    { enabled: settled !== null, placeholderData: (previous) => previous, staleTime: 10_000 },
  );
  const photographers = usePhotographers();
  const groups = settled && availability.data ? availability.data.offices : null;
  const known = new Set([...(groups?.flatMap((g) => g.photographers.map((p) => p.id)) ?? []), ...(groups ? [] : (photographers.data ?? []).map((p) => p.id))]);
  const free = groups?.reduce((sum, g) => sum + g.photographers.filter((p) => p.free).length, 0) ?? null;
  const nameOf = (photographerId: number) =>
    groups?.flatMap((g) => g.photographers).find((p) => p.id === photographerId)?.name ?? photographers.data?.find((p) => p.id === photographerId)?.name;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value === null ? "" : String(value)}
        title={title}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-hint`}
        className={inputClasses}
        onChange={(event) => {
          const chosen = event.target.value === "" ? null : Number(event.target.value);
          onChange(chosen === null ? null : { id: chosen, name: nameOf(chosen) ?? currentName ?? "" });
        }}
      >
        <option value="">Unassigned</option>
        {value !== null && !known.has(value) ? <option value={value}>{currentName ?? `User ${value}`}</option> : null}
        {groups
          ? groups.map((group) => (
              <optgroup key={String(group.officeId)} label={group.officeName}>
                {group.photographers.map((p) => (
                  <option key={p.id} value={p.id} data-free={p.free}>
                    {p.free ? "✓" : "⚠"} {p.name}: {busyText(p, timeZone)}
                  </option>
                ))}
              </optgroup>
            ))
          : (photographers.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-slate-600" aria-live="polite">
        {!slot
          ? "Set a time to see who is free."
          : availability.isFetching && !groups
            ? "Checking who is free…"
            : free !== null
              ? `${free} free in this slot; ⚠ marks who is already booked, and with what.`
              : availability.error
                ? "Availability could not be loaded; all photographers are listed."
                : null}
      </p>
      {error ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
