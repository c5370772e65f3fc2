"use client";
/**
 * Time first: the office and the shoot's zone, the local start, and the
 * length (typed, a preset, or ±15-minute steps); the stop is derived by the
 * shared schedule rule and shown in words. The office and UTC wall clocks
 * live in "All fields".
 */
import { formatDuration, parseDuration } from "@plano/schema";
import { useEffect, useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { Field, inputClasses } from "~/components/ui/field";
import { formatCalendarDate, formatTimeRangeIn, zoneAbbreviation } from "~/lib/time-display";
import { FormField, legacyTitle, recordOptions } from "./form-field";
import type { WritableKey } from "./form-model";
import type { OfficeOption } from "./schedule-section";
import { DurationStepsToolbar, STEP_MINUTES, StartStepsToolbar } from "./step-toolbars";
import { TimeZonePicker } from "./time-zone-picker";
import type { AppointmentFormState } from "./use-appointment-form";

/** A wall clock moved by some minutes, calendar-wise (the shared rule then resolves it in the zone). */
function shiftWallClock(date: string, time: string, minutes: number): { date: string; time: string } | null {
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (Number.isNaN(ms)) return null;
  const moved = new Date(ms + minutes * 60_000).toISOString();
  return { date: moved.slice(0, 10), time: moved.slice(11, 16) };
}

/** A schedule input bound to the form (the same field "All fields" shows in its grid). */
function ScheduleInput({ state, name, label, type }: { state: AppointmentFormState; name: WritableKey; label: string; type: string }) {
  const value = useWatch({ control: state.form.control, name });
  const error = state.form.formState.errors[name]?.message;
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={String(value)}
          title={legacyTitle(name)}
          className={inputClasses}
          onChange={(event) => {
            state.form.setValue(name, event.target.value, { shouldDirty: true });
            state.scheduleTyped(name);
          }}
        />
      )}
    </Field>
  );
}

export function WhenSection({
  state,
  offices,
  timeZones,
  isNew,
}: {
  state: AppointmentFormState;
  offices: OfficeOption[];
  timeZones: readonly string[];
  isNew: boolean;
}) {
  const { form } = state;
  const [officeId, timeZoneLocal, dateStart, timeStart, duration, dateStop, timeStop, allday] = useWatch({
    control: form.control,
    name: ["officeId", "timeZoneLocal", "dateStartLocal", "timeStartLocal", "timeDuration", "dateStopLocal", "timeStopLocal", "allday"],
  });
  const officeZone = offices.find((office) => String(office.id) === String(officeId))?.timeZone;
  const localZone = String(timeZoneLocal || officeZone || "");
  // The browser's zone is known only in the browser: read after hydration, so server and client render alike.
  const [myZone, setMyZone] = useState<string | null>(null);
  useEffect(() => setMyZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const stepsId = useId();

  function set(name: WritableKey, value: string) {
    form.setValue(name, value, { shouldDirty: true });
  }
  function shiftStart(minutes: number) {
    const moved = shiftWallClock(String(dateStart), String(timeStart), minutes);
    if (!moved) return;
    set("dateStartLocal", moved.date);
    set("timeStartLocal", moved.time);
    state.scheduleTyped("timeStartLocal");
  }
  function setDuration(value: string) {
    set("timeDuration", value);
    state.scheduleTyped("timeDuration");
  }
  function stepDuration(minutes: number) {
    const parsed = parseDuration(String(duration || "0:00"));
    const seconds = Math.max(STEP_MINUTES * 60, (parsed.ok ? parsed.value : 0) + minutes * 60);
    setDuration(formatDuration(seconds));
  }

  const canShift = Boolean(dateStart && timeStart) && !allday;
  const slot = state.slot;
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          state={state}
          name="officeId"
          // A new appointment starts where it must: its office (and so its zone).
          autoFocus={isNew}
          onTyped={state.rederive}
          options={recordOptions(offices, "Choose an office…", (office) => `${office.name} (${office.timeZone})`)}
        />
        <TimeZonePicker
          value={String(timeZoneLocal)}
          officeZone={officeZone}
          zones={timeZones}
          title={legacyTitle("timeZoneLocal")}
          error={form.formState.errors.timeZoneLocal?.message}
          onChange={(zone) => {
            set("timeZoneLocal", zone);
            state.rederive();
          }}
        />
      </div>

      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <ScheduleInput state={state} name="dateStartLocal" label="Start date" type="date" />
        {allday ? <span /> : <ScheduleInput state={state} name="timeStartLocal" label="Start time" type="time" />}
        {allday ? null : <StartStepsToolbar canShift={canShift} onShift={shiftStart} />}
      </div>

      {allday ? null : (
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-32">
            <ScheduleInput state={state} name="timeDuration" label="Duration (H:MM)" type="text" />
          </div>
          <DurationStepsToolbar duration={String(duration)} describedBy={stepsId} onPreset={setDuration} onStep={stepDuration} />
          <span id={stepsId} className="sr-only">
            Arrow keys move between the presets and steps.
          </span>
        </div>
      )}

      <p className="text-sm text-slate-800" data-testid="derived-stop" aria-live="polite">
        {dateStop ? (
          <>
            Ends{" "}
            <strong>
              {allday
                ? formatCalendarDate(String(dateStop))
                : `${String(timeStop).slice(0, 5)}${dateStop !== dateStart ? `, ${formatCalendarDate(String(dateStop))}` : ""}`}
            </strong>
            {localZone ? ` (${localZone}, ${zoneAbbreviation(slot?.startsAt ?? null, localZone)})` : ""}
            {slot && !allday && myZone && myZone !== localZone ? (
              <span className="block text-slate-600">
                Your zone ({myZone}): {formatTimeRangeIn(slot.startsAt, slot.stopsAt, myZone)}
              </span>
            ) : null}
          </>
        ) : (
          <span className="text-slate-600">The end follows from the start and the duration.</span>
        )}
      </p>
      <FormField state={state} name="allday" onTyped={state.scheduleTyped} />
    </div>
  );
}
