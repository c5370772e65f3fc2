"use client";
/**
 * The When section's two toolbars: moving the start by 15 minutes, and the
 * duration's presets and steps. Radix's toolbar (roving focus, arrow keys:
 * with its toggle group, a fifth of the form's script) is fetched after the
 * page; until it arrives, the same buttons stand in its place, each toolbar
 * one tab stop, so the page neither jumps nor reorders its tab stops.
 */
import { lazy, type ReactNode } from "react";
import { StandInUntilLoaded } from "~/components/ui/stand-in-until-loaded";

export const DURATION_PRESETS: { label: string; spoken: string; value: string }[] = [
  { label: "30 min", spoken: "30 minutes", value: "0:30" },
  { label: "1 h", spoken: "1 hour", value: "1:00" },
  { label: "1 h 30", spoken: "1 hour 30 minutes", value: "1:30" },
  { label: "2 h", spoken: "2 hours", value: "2:00" },
  { label: "3 h", spoken: "3 hours", value: "3:00" },
];

const stepClasses =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 data-[state=on]:border-indigo-600 data-[state=on]:bg-indigo-50";

/** The parts a toolbar is drawn with: Radix's once loaded, plain elements before. */
export type ToolbarKit = {
  Root: (props: { label: string; describedBy?: string; className: string; children: ReactNode }) => ReactNode;
  /** `entry`: the button a Tab key press lands on: the first, as in Radix's toolbar (a pressed preset does not change that). */
  Button: (props: { className: string; disabled?: boolean; entry: boolean; onClick: () => void; children: ReactNode }) => ReactNode;
  ToggleGroup: (props: { value: string; onValueChange: (value: string) => void; className: string; children: ReactNode }) => ReactNode;
  ToggleItem: (props: { value: string; pressed: boolean; label: string; entry: boolean; className: string; children: ReactNode }) => ReactNode;
  Separator: (props: { className: string }) => ReactNode;
};

export type StartStepsProps = { canShift: boolean; onShift: (minutes: number) => void };
export type DurationStepsProps = { duration: string; describedBy: string; onPreset: (value: string) => void; onStep: (minutes: number) => void };
export const STEP_MINUTES = 15;

export function StartSteps({ kit: K, canShift, onShift }: StartStepsProps & { kit: ToolbarKit }) {
  return (
    <K.Root label="Move the start" className="col-span-2 flex gap-1 pb-0.5 sm:col-span-1">
      <K.Button className={stepClasses} disabled={!canShift} entry onClick={() => onShift(-STEP_MINUTES)}>
        <span aria-hidden>−15</span>
        <span className="sr-only">Start 15 minutes earlier</span>
      </K.Button>
      <K.Button className={stepClasses} disabled={!canShift} entry={false} onClick={() => onShift(STEP_MINUTES)}>
        <span aria-hidden>+15</span>
        <span className="sr-only">Start 15 minutes later</span>
      </K.Button>
    </K.Root>
  );
}

export function DurationSteps({ kit: K, duration, describedBy, onPreset, onStep }: DurationStepsProps & { kit: ToolbarKit }) {
  const pressed = DURATION_PRESETS.findIndex((preset) => preset.value === duration);
  return (
    <K.Root label="Duration presets and steps" describedBy={describedBy} className="flex flex-wrap gap-1 pb-0.5">
      <K.ToggleGroup value={duration} onValueChange={(value) => value && onPreset(value)} className="flex flex-wrap gap-1">
        {DURATION_PRESETS.map((preset, i) => (
          <K.ToggleItem key={preset.value} value={preset.value} pressed={i === pressed} label={preset.spoken} entry={i === 0} className={stepClasses}>
            {preset.label}
          </K.ToggleItem>
        ))}
      </K.ToggleGroup>
      <K.Separator className="mx-1 w-px bg-slate-300" />
      <K.Button className={stepClasses} entry={false} onClick={() => onStep(-STEP_MINUTES)}>
        <span aria-hidden>−15</span>
        <span className="sr-only">15 minutes shorter</span>
      </K.Button>
      <K.Button className={stepClasses} entry={false} onClick={() => onStep(STEP_MINUTES)}>
        <span aria-hidden>+15</span>
        <span className="sr-only">15 minutes longer</span>
      </K.Button>
    </K.Root>
  );
}

/** Plain elements with the roles, states and single tab stop Radix gives them; the buttons already work. */
const standInKit: ToolbarKit = {
  Root: ({ label, describedBy, className, children }) => (
    <div role="toolbar" aria-orientation="horizontal" data-orientation="horizontal" aria-label={label} aria-describedby={describedBy} className={className}>
      {children}
    </div>
  ),
  Button: ({ className, disabled, entry, onClick, children }) => (
    <button type="button" className={className} disabled={disabled} tabIndex={entry ? 0 : -1} onClick={onClick}>
      {children}
    </button>
  ),
  ToggleGroup: ({ onValueChange, className, children }) => (
    // A click on a preset reaches the group: the items carry their value, as Radix's do.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the presets are buttons; Enter and Space click them.
    <div role="radiogroup" className={className} onClick={(event) => onPresetClick(event.target, onValueChange)}>
      {children}
    </div>
  ),
  ToggleItem: ({ value, pressed, label, entry, className, children }) => (
    <StandInToggle value={value} pressed={pressed} label={label} entry={entry} className={className}>
      {children}
    </StandInToggle>
  ),
  Separator: ({ className }) => <div role="separator" aria-orientation="vertical" data-orientation="vertical" className={className} />,
};

function onPresetClick(target: EventTarget, onValueChange: (value: string) => void) {
  const item = target instanceof Element ? target.closest<HTMLButtonElement>("button[value]") : null;
  if (item && !item.disabled) onValueChange(item.value);
}

function StandInToggle({ value, pressed, label, entry, className, children }: Parameters<ToolbarKit["ToggleItem"]>[0]) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={pressed}
      aria-label={label}
      data-state={pressed ? "on" : "off"}
      value={value}
      tabIndex={entry ? 0 : -1}
      className={className}
    >
      {children}
    </button>
  );
}

const LoadedStartSteps = lazy(() => import("./step-toolbars-radix").then((module) => ({ default: module.RadixStartSteps })));
const LoadedDurationSteps = lazy(() => import("./step-toolbars-radix").then((module) => ({ default: module.RadixDurationSteps })));

// Radix's toolbar is fetched after hydration; the stand-in draws the same toolbar until then.
export function StartStepsToolbar(props: StartStepsProps) {
  return (
    <StandInUntilLoaded standIn={<StartSteps kit={standInKit} {...props} />}>
      <LoadedStartSteps {...props} />
    </StandInUntilLoaded>
  );
}

export function DurationStepsToolbar(props: DurationStepsProps) {
  return (
    <StandInUntilLoaded standIn={<DurationSteps kit={standInKit} {...props} />}>
      <LoadedDurationSteps {...props} />
    </StandInUntilLoaded>
  );
}
