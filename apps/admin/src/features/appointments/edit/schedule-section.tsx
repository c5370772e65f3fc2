"use client";
/**
 * "All fields" schedule: local, office and UTC wall clocks side by side, each
 * column headed by its zone. Typing in any column re-derives the other two
 * (and the duration) with the shared rule; the everyday start/duration inputs
 * are the When section's (when-section.tsx).
 */
import { useWatch } from "react-hook-form";
import { zoneAbbreviation } from "~/lib/time-display";
import { FormField } from "./form-field";
import { type Representation, boundaries, representations, wallClockFields } from "./schedule-derivation";
import type { RouterOutputs } from "~/trpc/react";
import type { AppointmentFormState } from "./use-appointment-form";

/** An office as `directory.offices` answers it. */
export type OfficeOption = RouterOutputs["directory"]["offices"][number];

const representationTitles: Record<Representation, string> = { local: "Local", office: "Office", utc: "UTC" };
const boundaryTitles: Record<(typeof boundaries)[number], string> = { start: "Start", stop: "Stop" };

function ZoneHeading({ representation, zone, at }: { representation: Representation; zone: string | undefined; at: string | null }) {
  return (
    <div className="text-sm">
      <span className="font-semibold">{representationTitles[representation]}</span>
      {zone ? (
        <span className="ml-2 text-slate-500" data-testid={`zone-${representation.toLowerCase()}`}>
          {zone} ({zoneAbbreviation(at, zone)})
        </span>
      ) : null}
    </div>
  );
}

export function ScheduleSection({ state, offices }: { state: AppointmentFormState; offices: OfficeOption[] }) {
  const { slot } = state;
  const [officeId, timeZoneLocal] = useWatch({ control: state.form.control, name: ["officeId", "timeZoneLocal"] });
  const officeZone = offices.find((office) => String(office.id) === String(officeId))?.timeZone;
  const zones: Record<Representation, string | undefined> = { local: String(timeZoneLocal || officeZone || "") || undefined, office: officeZone, utc: "UTC" };
  const at = slot?.startsAt ?? null;

  return (
    <div className="flex flex-col gap-4">
      {/* On a phone the three columns scroll inside this box; the page itself never scrolls sideways. */}
      <div className="-mx-1 overflow-x-auto px-1 pb-1">
        <div role="group" aria-label="Start and stop in each time zone" className="grid min-w-[34rem] grid-cols-[auto_1fr_1fr_1fr] items-start gap-x-3 gap-y-2">
          <span />
          {representations.map((representation) => (
            <ZoneHeading key={representation} representation={representation} zone={zones[representation]} at={at} />
          ))}
          {boundaries.map((boundary) => (
            <BoundaryRows key={boundary} boundary={boundary} state={state} />
          ))}
        </div>
      </div>

      <div className="grid gap-3 md:grid-cols-3">
        <FormField state={state} name="timeDurationS" readOnly />
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        <FormField state={state} name="requestedDate" />
        <FormField state={state} name="requestedTime" />
      </div>
      <div className="grid gap-3 md:grid-cols-4">
        <FormField state={state} name="windowDateStart" />
        <FormField state={state} name="windowDateEnd" />
        <FormField state={state} name="windowTimeStart" />
        <FormField state={state} name="windowTimeEnd" />
      </div>
    </div>
  );
}

function BoundaryRows({ boundary, state }: { boundary: (typeof boundaries)[number]; state: AppointmentFormState }) {
  return (
    <>
      {(["date", "time"] as const).map((part) => (
        <div key={part} className="contents">
          <span className="pt-2 text-sm font-medium text-slate-700">
            {boundaryTitles[boundary]} {part}
          </span>
          {representations.map((representation) => (
            <FormField key={representation} state={state} name={wallClockFields(boundary, representation)[part]} compact onTyped={state.scheduleTyped} />
          ))}
        </div>
      ))}
    </>
  );
}
