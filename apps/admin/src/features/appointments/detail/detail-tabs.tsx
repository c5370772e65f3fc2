"use client";
/**
 * The appointment page's tab bar. Radix's tabs (roving focus, arrow keys) are
 * fetched after the page; until they arrive the same tabs stand in their place,
 * one tab stop, already switching on a click. The panels are drawn by the page
 * itself, outside the lazily loaded part: the Details panel holds the form, which
 * must never be mounted twice (that would drop what was typed in the meantime).
 */
import { lazy } from "react";
import { StandInUntilLoaded } from "~/components/ui/stand-in-until-loaded";

export type DetailTab = { value: string; label: string };
export type DetailTabsProps = {
  label: string;
  tabs: readonly DetailTab[];
  value: string;
  onValueChange: (value: string) => void;
  /** The id of each tab and of the panel it controls. */
  tabId: (value: string) => string;
  panelId: (value: string) => string;
};

export const tabClasses =
  "border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-indigo-600 data-[state=active]:text-indigo-700";
export const tabListClasses = "mb-4 flex gap-1 border-b border-slate-200";

function StandInTabs({ label, tabs, value, onValueChange, tabId, panelId }: DetailTabsProps) {
  return (
    <div role="tablist" aria-label={label} aria-orientation="horizontal" data-orientation="horizontal" className={tabListClasses}>
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          id={tabId(tab.value)}
          aria-controls={panelId(tab.value)}
          aria-selected={tab.value === value}
          data-state={tab.value === value ? "active" : "inactive"}
          data-orientation="horizontal"
          // Radix's roving focus lands on the chosen tab: the only stop here too.
          tabIndex={tab.value === value ? 0 : -1}
          className={tabClasses}
          onClick={() => onValueChange(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

const RadixTabs = lazy(() => import("./detail-tabs-radix").then((module) => ({ default: module.RadixDetailTabs })));

export function DetailTabs(props: DetailTabsProps) {
  return (
    <StandInUntilLoaded standIn={<StandInTabs {...props} />}>
      <RadixTabs {...props} />
    </StandInUntilLoaded>
  );
}
