"use client";
/**
 * The appointment form's state: react-hook-form validated by the shared zod
 * schemas (zodResolver, loaded on the first validation) plus the shared
 * schedule rule, the live derivation of the schedule as the user types, and
 * the patch a save sends.
 */
import { type Appointment, wallClockOf } from "@plano/schema";
import { useRef, useState } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { lazyZodResolver } from "~/lib/lazy-resolver";
import { type ApiValue, type FormValues, type WritableKey, changedFields, fieldMessage, formValuesOf, toFormValue } from "./form-model";
import { type ScheduleSources, type ZoneLookup, deriveFormSchedule, givenScheduleFields, scheduleFieldNames } from "./schedule-derivation";

export type AppointmentPatchValues = Partial<Record<WritableKey, ApiValue>>;

/** The instants the form's schedule stands for, for the overlap check. */
export interface Slot {
  startsAt: string;
  stopsAt: string;
}

const scheduleKeys = new Set<string>(scheduleFieldNames);
/** Fields whose errors the live derivation owns (it sets and clears them as the user types). */
const derivationFields: WritableKey[] = [...scheduleFieldNames, "timeZoneLocal", "officeId"];

/** Each field's own rule from @plano/schema, reading the form's text. */
const sharedSchemaResolver = lazyZodResolver<FormValues>(() => import("./form-schema").then((module) => module.appointmentFormSchema));

function slotOf(schedule: { startsAt: Date | string | null; stopsAt: Date | string | null }): Slot | null {
  if (!schedule.startsAt || !schedule.stopsAt) return null;
  return { startsAt: new Date(schedule.startsAt).toISOString(), stopsAt: new Date(schedule.stopsAt).toISOString() };
}

/** A new appointment starts an hour long: the stop follows from the start as soon as one is typed. */
const NEW_DURATION = "1:00";

export function useAppointmentForm({ base, officeZone }: { base: Appointment | null; officeZone: ZoneLookup }) {
  const sources = useRef<ScheduleSources>(base ? {} : { stop: "duration" });
  // The resolver outlives renders; it reads the current base and zones through refs.
  const latest = useRef({ base, officeZone });
  latest.current = { base, officeZone };

  const resolver: Resolver<FormValues> = async (values, context, options) => {
    const parsed = await sharedSchemaResolver(values, context, options);
    const errors: FieldErrors<FormValues> = {};
    for (const [key, error] of Object.entries(parsed.errors)) {
      if (error?.message) errors[key as WritableKey] = { type: String(error.type), message: fieldMessage(key, String(error.message)) };
    }
    const schedule = deriveFormSchedule(values, latest.current.base, sources.current, latest.current.officeZone);
    if (!schedule.ok) for (const issue of schedule.issues) errors[issue.field] ??= { type: "schedule", message: issue.message };
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };

  const form = useForm<FormValues>({
    defaultValues: base ? formValuesOf(base) : { ...formValuesOf(null), timeDuration: NEW_DURATION },
    resolver,
    reValidateMode: "onChange",
  });
  const [slot, setSlot] = useState<Slot | null>(() => (base ? slotOf(base) : null));

  /** Re-derives every schedule field the user did not type, the way the server will on save. */
  function rederive() {
    const result = deriveFormSchedule(form.getValues(), latest.current.base, sources.current, latest.current.officeZone);
    for (const field of derivationFields) if (form.getFieldState(field).error?.type === "schedule") form.clearErrors(field);
    if (!result.ok) {
      for (const issue of result.issues) form.setError(issue.field, { type: "schedule", message: issue.message });
      setSlot(null);
      return;
    }
    const given = givenScheduleFields(sources.current);
    for (const field of scheduleFieldNames) {
      if (!given.has(field)) form.setValue(field, toFormValue(field, result.schedule[field]));
    }
    setSlot(slotOf(result.schedule));
  }

  /** The user typed in a schedule field: it becomes the given representation of its boundary. */
  function scheduleTyped(field: WritableKey) {
    const wallClock = wallClockOf(field);
    if (wallClock) sources.current[wallClock.boundary] = wallClock.representation;
    if (field === "timeDuration") sources.current.stop = "duration";
    rederive();
  }

  /** What a save sends: changed plain fields, and of the schedule only what the user typed. */
  function patch(): AppointmentPatchValues {
    const given = givenScheduleFields(sources.current);
    const changes = changedFields(form.getValues(), latest.current.base);
    for (const key of Object.keys(changes) as WritableKey[]) {
      if (scheduleKeys.has(key) && !given.has(key)) delete changes[key];
    }
    return changes;
  }

  /** Starts over from a record (after a save, a reload, or a resolved conflict). */
  function resetTo(next: Appointment | null, keep: AppointmentPatchValues = {}) {
    sources.current = next ? {} : { stop: "duration" };
    // The form's watchers run inside reset(): they must already compare against the new base, not the one replaced.
    latest.current = { ...latest.current, base: next };
    form.reset(next ? formValuesOf(next) : { ...formValuesOf(null), timeDuration: NEW_DURATION });
    setSlot(next ? slotOf(next) : null);
    for (const [key, value] of Object.entries(keep) as [WritableKey, ApiValue][]) {
      form.setValue(key, toFormValue(key, value), { shouldDirty: true });
      if (scheduleKeys.has(key)) scheduleTyped(key);
    }
  }

  /** The record the form's values are edits of (already the new one while a reset runs). */
  function currentBase(): Appointment | null {
    return latest.current.base;
  }

  return { form, slot, rederive, scheduleTyped, patch, resetTo, currentBase };
}

export type AppointmentFormState = ReturnType<typeof useAppointmentForm>;
