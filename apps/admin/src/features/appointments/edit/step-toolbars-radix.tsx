"use client";
/** The When section's toolbars drawn with Radix's toolbar: loaded after the page (step-toolbars.tsx). */
import * as Toolbar from "@radix-ui/react-toolbar";
import { DurationSteps, type DurationStepsProps, StartSteps, type StartStepsProps, type ToolbarKit } from "./step-toolbars";

const radixKit: ToolbarKit = {
  Root: ({ label, describedBy, className, children }) => (
    <Toolbar.Root aria-label={label} aria-describedby={describedBy} className={className}>
      {children}
    </Toolbar.Root>
  ),
  Button: ({ className, disabled, onClick, children }) => (
    <Toolbar.Button type="button" className={className} disabled={disabled} onClick={onClick}>
      {children}
    </Toolbar.Button>
  ),
  ToggleGroup: ({ value, onValueChange, className, children }) => (
    <Toolbar.ToggleGroup type="single" value={value} onValueChange={onValueChange} className={className}>
      {children}
    </Toolbar.ToggleGroup>
  ),
  ToggleItem: ({ value, label, className, children }) => (
    <Toolbar.ToggleItem value={value} className={className} aria-label={label}>
      {children}
    </Toolbar.ToggleItem>
  ),
  Separator: ({ className }) => <Toolbar.Separator className={className} />,
};

export function RadixStartSteps(props: StartStepsProps) {
  return <StartSteps kit={radixKit} {...props} />;
}

export function RadixDurationSteps(props: DurationStepsProps) {
  return <DurationSteps kit={radixKit} {...props} />;
}
