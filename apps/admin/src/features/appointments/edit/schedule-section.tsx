"use client";
/**
 * Schedule: local, office and UTC wall clocks side by side, each column headed
 * by its zone. Typing in any column re-derives the other two (and the
 * duration, or the stop from a typed duration) with the shared rule.
 */
import { useWatch } from "react-hook-form";
import { zoneAbbreviation } from "~/lib/time-display";
import { FormField, recordOptions } from "./form-field";
import { type Representation, boundaries, representations, wallClockFields } from "./schedule-derivation";
import type { AppointmentFormState } from "./use-appointment-form";

export interface OfficeOption {
  id: number;
  name: string;
  timeZone: string;
}

const representationTitles: Record<Representation, string> = { Local: "Local", Office: "Office", Utc: "UTC" };

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

export function ScheduleSection({ state, offices, timeZones }: { state: AppointmentFormState; offices: OfficeOption[]; timeZones: readonly string[] }) {
  const { scheduleTyped, rederive, slot } = state;
  const [officeId, timeZoneLocal] = useWatch({ control: state.form.control, name: ["officeId", "timeZoneLocal"] });
  const officeZone = offices.find((office) => String(office.id) === String(officeId))?.timeZone;
  const zones: Record<Representation, string | undefined> = { Local: String(timeZoneLocal || officeZone || "") || undefined, Office: officeZone, Utc: "UTC" };
  const at = slot?.startsAt ?? null;

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 md:grid-cols-3">
        <FormField
          state={state}
          name="officeId"
          onTyped={rederive}
          options={recordOptions(offices, "Choose an office…", (office) => `${office.name} (${office.timeZone})`)}
        />
        <div>
          <FormField state={state} name="timeZoneLocal" onTyped={rederive} list="time-zones" />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <div className="flex items-end pb-2">
          <FormField state={state} name="allday" onTyped={scheduleTyped} />
        </div>
      </div>

      <div role="group" aria-label="Start and stop in each time zone" className="grid grid-cols-[auto_1fr_1fr_1fr] items-start gap-x-3 gap-y-2">
        <span />
        {representations.map((representation) => (
          <ZoneHeading key={representation} representation={representation} zone={zones[representation]} at={at} />
        ))}
        {boundaries.map((boundary) => (
          <BoundaryRows key={boundary} boundary={boundary} state={state} />
        ))}
      </div>

      <div className="grid gap-3 md:grid-cols-3">
        <FormField state={state} name="timeDuration" onTyped={scheduleTyped} />
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
            {boundary} {part}
          </span>
          {representations.map((representation) => (
            <FormField key={representation} state={state} name={wallClockFields(boundary, representation)[part]} compact onTyped={state.scheduleTyped} />
          ))}
        </div>
      ))}
    </>
  );
}
