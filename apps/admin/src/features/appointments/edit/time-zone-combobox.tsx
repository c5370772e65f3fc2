"use client";
/**
 * (Loaded by time-zone-picker.tsx after the page, not with it.)
 * The shoot's local time zone, picked from the IANA zones this browser knows
 * (Intl.supportedValuesOf) in a searchable combobox (Headless UI: ARIA
 * combobox pattern, arrow keys, Enter, Escape). Typing only filters the list:
 * the value changes only when a real zone is chosen, so no half-typed name
 * ever reaches the schedule rule.
 */
import { Combobox, ComboboxButton, ComboboxInput, ComboboxOption, ComboboxOptions, Description, Field, Label } from "@headlessui/react";
import { useMemo, useState } from "react";
import { inputClasses } from "~/components/ui/field";
import { officeChoiceText, TIME_ZONE_FOCUS_KEY, type TimeZonePickerProps } from "./time-zone-picker";

const MAX_SHOWN = 60;

/** "new york" finds America/New_York; "berlin" Europe/Berlin; "america/d" America/Denver. */
function matches(zone: string, query: string): boolean {
  const words = query
    .toLowerCase()
    .replaceAll("_", " ")
    .split(/[\s/]+/)
    .filter(Boolean);
  const name = zone.toLowerCase().replaceAll("_", " ");
  return words.every((word) => name.includes(word));
}

export function TimeZoneCombobox({ value, officeZone, zones, onChange, error, title }: TimeZonePickerProps) {
  const officeChoice = officeChoiceText(officeZone);
  const [query, setQuery] = useState("");
  const shown = useMemo(() => {
    const all = query.trim() === "" ? zones : zones.filter((zone) => matches(zone, query));
    return all.slice(0, MAX_SHOWN);
  }, [query, zones]);

  return (
    <Field className="flex flex-col gap-1">
      <Label className="text-sm font-medium text-slate-700">Local time zone</Label>
      <Combobox
        value={value}
        onChange={(zone: string | null) => {
          if (zone !== null) onChange(zone);
        }}
        onClose={() => setQuery("")}
      >
        <div className="relative">
          <ComboboxInput
            data-focus-key={TIME_ZONE_FOCUS_KEY}
            className={`${inputClasses} pr-9`}
            title={title}
            aria-invalid={Boolean(error)}
            placeholder="Type a city or region…"
            displayValue={(zone: string | null) => (zone ? zone : officeChoice)}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <ComboboxButton className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-slate-600 hover:text-slate-900">
            <span aria-hidden>▾</span>
            <span className="sr-only">Show time zones</span>
          </ComboboxButton>
        </div>
        <ComboboxOptions
          // Not modal: the rest of the page stays readable and usable while the list is open.
          modal={false}
          anchor="bottom start"
          className="z-50 max-h-72 w-(--input-width) overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg [--anchor-gap:4px] empty:invisible"
        >
          {query.trim() === "" ? (
            <ComboboxOption value="" className="cursor-default px-3 py-1.5 data-focus:bg-indigo-600 data-focus:text-white data-selected:font-semibold">
              {officeChoice}
            </ComboboxOption>
          ) : null}
          {shown.map((zone) => (
            <ComboboxOption
              key={zone}
              value={zone}
              className="cursor-default px-3 py-1.5 data-focus:bg-indigo-600 data-focus:text-white data-selected:font-semibold"
            >
              {zone.replaceAll("_", " ")}
            </ComboboxOption>
          ))}
          {shown.length === 0 ? <div className="px-3 py-1.5 text-slate-600">No time zone matches “{query}”.</div> : null}
        </ComboboxOptions>
      </Combobox>
      <Description className="text-xs text-slate-600">The zone of the shoot’s address; local times are shown in it.</Description>
      {error ? (
        <p role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </Field>
  );
}
