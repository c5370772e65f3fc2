"use client";
/** The appointment page's tab bar drawn with Radix's tabs: loaded after the page (detail-tabs.tsx). */
import * as Tabs from "@radix-ui/react-tabs";
import { type DetailTabsProps, tabClasses, tabListClasses } from "./detail-tabs";

export function RadixDetailTabs({ label, tabs, value, onValueChange, tabId, panelId }: DetailTabsProps) {
  return (
    <Tabs.Root value={value} onValueChange={onValueChange}>
      <Tabs.List aria-label={label} className={tabListClasses}>
        {tabs.map((tab) => (
          // The panels live outside this root (the page draws them): their ids are given, not Radix's own.
          <Tabs.Trigger key={tab.value} value={tab.value} id={tabId(tab.value)} aria-controls={panelId(tab.value)} className={tabClasses}>
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
    </Tabs.Root>
  );
}
