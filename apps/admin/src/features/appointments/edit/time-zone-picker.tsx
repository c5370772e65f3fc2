"use client";
/**
 * The shoot's local time zone. The searchable combobox (time-zone-combobox.tsx,
 * Headless UI and its positioning code: a fifth of the edit page's script) is
 * loaded after the page; until it arrives the same label, value and tab stops
 * stand in its place, read-only.
 */
import { lazy } from "react";
import { inputClasses } from "~/components/ui/field";
import { StandInUntilLoaded } from "~/components/ui/stand-in-until-loaded";

export type TimeZonePickerProps = {
  /** The chosen zone, or "" for "the office's zone". */
  value: string;
  officeZone: string | undefined;
  zones: readonly string[];
  onChange: (zone: string) => void;
  error?: string | undefined;
  title?: string;
};

/** Marks the input in the stand-in and in the combobox alike, so a focused stand-in hands its focus over. */
export const TIME_ZONE_FOCUS_KEY = "local-time-zone";

export const officeChoiceText = (officeZone: string | undefined) => (officeZone ? `Same as the office (${officeZone})` : "Same as the office");

function Placeholder({ value, officeZone, title }: Pick<TimeZonePickerProps, "value" | "officeZone" | "title">) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="time-zone-loading" className="text-sm font-medium text-slate-700">
        Local time zone
      </label>
      <div className="relative">
        <input
          id="time-zone-loading"
          data-focus-key={TIME_ZONE_FOCUS_KEY}
          readOnly
          className={`${inputClasses} pr-9`}
          title={title}
          value={value || officeChoiceText(officeZone)}
        />
        <button type="button" disabled className="absolute inset-y-0 right-0 flex w-9 items-center justify-center rounded-r-md text-slate-600">
          <span aria-hidden>▾</span>
          <span className="sr-only">Show time zones</span>
        </button>
      </div>
      <p className="text-xs text-slate-600">The zone of the shoot’s address; local times are shown in it.</p>
    </div>
  );
}

const Combobox = lazy(() => import("./time-zone-combobox").then((module) => ({ default: module.TimeZoneCombobox })));

export function TimeZonePicker(props: TimeZonePickerProps) {
  return (
    <StandInUntilLoaded standIn={<Placeholder value={props.value} officeZone={props.officeZone} title={props.title} />}>
      <Combobox {...props} />
    </StandInUntilLoaded>
  );
}
