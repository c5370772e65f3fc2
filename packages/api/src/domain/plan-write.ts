/**
 * THE place where an appointment write is decided: given the stored state (or
 * none, for a create) and a patch, compute the complete next state or reject
 * the patch naming the fields at fault. Every entry point (tRPC, REST, admin,
 * CLI) goes through here; it does no I/O, so it is tested directly.
 */
import {
  deriveSchedule,
  emptySchedule,
  instantToZoned,
  type AppointmentPatch,
  type ScheduleFields,
} from "@plano/schema";
import { fail, invalidParam } from "../errors";
import type { AppointmentState } from "./appointment-state";

export interface WriteReferences {
  /** The office the appointment will belong to (the patched one, or the current one). */
  office: { id: number; timeZone: string };
  /** The photographer the patch assigns: undefined when the patch does not touch it. */
  photographer?: { id: number; name: string } | null;
}

export interface WriteEnvironment {
  now: Date;
  /** Who is writing, for confirmed_by / updated_by / created_by. */
  actor: string;
  /** Where a create came from, for created_in (e.g. "rest:planoorder"). */
  origin: string;
}

const emptyState: Omit<AppointmentState, "officeId" | "officeTimeZone" | "timeZoneLocal"> = {
  ...emptySchedule(false),
  startsAt: null,
  stopsAt: null,
  confirmed: false,
  cancelled: false,
  apptType: null,
  confirmedAt: null,
  confirmedBy: null,
  deliveryType: null,
  description: null,
  location: null,
  notes: null,
  summary: null,
  onSiteCancel: false,
  sameDayCancel: false,
  cancelReason: null,
  optional: false,
  readyToSchedule: false,
  orderId: null,
  orderRequestId: null,
  orderRequestApptId: null,
  photographerUserId: null,
  photographerName: null,
  requestedDate: null,
  requestedTime: null,
  windowDateStart: null,
  windowDateEnd: null,
  windowTimeStart: null,
  windowTimeEnd: null,
  createdBy: null,
  createdIn: null,
  updatedBy: null,
};

/** The schedule's own fields (those `deriveSchedule` decides), without the instants it derives. */
const scheduleKeys = Object.keys(emptySchedule(false)).filter(
  (key): key is keyof ScheduleFields => key !== "startsAt" && key !== "stopsAt",
);
const scheduleKeySet = new Set<string>(scheduleKeys);

function pickSchedule(state: AppointmentState): ScheduleFields {
  return Object.fromEntries(scheduleKeys.map((key) => [key, state[key]])) as unknown as ScheduleFields;
}

export function planAppointmentWrite(
  current: AppointmentState | null,
  patch: AppointmentPatch,
  refs: WriteReferences,
  env: WriteEnvironment,
): AppointmentState {
  const timeZoneLocal = patch.timeZoneLocal ?? current?.timeZoneLocal ?? refs.office.timeZone;
  const next: AppointmentState = {
    ...emptyState,
    ...current,
    officeId: refs.office.id,
    officeTimeZone: refs.office.timeZone,
    timeZoneLocal,
  };

  // Plain fields: taken as given.
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || scheduleKeySet.has(key) || key === "officeId" || key === "timeZoneLocal") continue;
    (next as Record<string, unknown>)[key] = value;
  }

  applySchedule(next, current, patch);
  applyPhotographer(next, current, patch, refs);
  checkWindows(next);
  applyConfirmation(next, current, env);
  applyCancellation(next, current, patch, env);

  next.updatedBy = patch.updatedBy ?? env.actor;
  if (!current) {
    next.createdBy = patch.createdBy ?? env.actor;
    next.createdIn = patch.createdIn ?? env.origin;
  }
  return next;
}

function applySchedule(next: AppointmentState, current: AppointmentState | null, patch: AppointmentPatch): void {
  const schedulePatch = Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => scheduleKeySet.has(key) && value !== undefined),
  ) as Partial<ScheduleFields>;
  const result = deriveSchedule(current ? pickSchedule(current) : null, schedulePatch, {
    timeZoneLocal: next.timeZoneLocal,
    officeTimeZone: next.officeTimeZone,
    // A changed zone with no new times is a correction: keep the local wall clock.
    ...(current && patch.timeZoneLocal !== undefined && patch.timeZoneLocal !== current.timeZoneLocal
      ? { previousTimeZoneLocal: current.timeZoneLocal }
      : {}),
  });
  if (!result.ok) {
    const [issue] = result.issues;
    if (!issue) return fail("invalid-param", "The schedule is invalid.");
    return fail("invalid-param", issue.message, { field: issue.path[0], fields: issue.fields });
  }
  const { startsAt, stopsAt, ...fields } = result.value;
  Object.assign(next, fields);
  next.startsAt = startsAt ? startsAt.toISOString() : null;
  next.stopsAt = stopsAt ? stopsAt.toISOString() : null;
}

function applyPhotographer(
  next: AppointmentState,
  current: AppointmentState | null,
  patch: AppointmentPatch,
  refs: WriteReferences,
): void {
  if (refs.photographer !== undefined) {
    next.photographerUserId = refs.photographer?.id ?? null;
    next.photographerName = refs.photographer?.name ?? null;
  }
  const givenName = patch.photographerName;
  if (givenName === undefined) return;
  const assignedUserId = next.photographerUserId;
  if (assignedUserId === null) {
    // No user assigned: the name is free text (legacy data has such shoots).
    next.photographerName = givenName;
    return;
  }
  const assignedName = refs.photographer?.name ?? current?.photographerName ?? null;
  if (givenName !== assignedName) {
    invalidParam(
      "photographerName",
      `follows the assigned photographer (user ${assignedUserId} is "${assignedName}"); change photographer_user_id instead`,
      ["photographerName", "photographerUserId"],
    );
  }
}

function checkWindows(next: AppointmentState): void {
  const { windowTimeStart, windowTimeEnd, windowDateStart, windowDateEnd } = next;
  if (windowTimeStart !== null && windowTimeEnd !== null && windowTimeStart > windowTimeEnd) {
    invalidParam("windowTimeEnd", `must not be before window_time_start (${windowTimeStart} > ${windowTimeEnd} minutes)`, [
      "windowTimeStart",
      "windowTimeEnd",
    ]);
  }
  if (windowDateStart !== null && windowDateEnd !== null && windowDateStart > windowDateEnd) {
    invalidParam("windowDateEnd", `must not be before window_date_start (${windowDateStart} > ${windowDateEnd})`, [
      "windowDateStart",
      "windowDateEnd",
    ]);
  }
}

/** Confirming stamps who and when on the server; unconfirming clears both. */
function applyConfirmation(next: AppointmentState, current: AppointmentState | null, env: WriteEnvironment): void {
  if (next.confirmed && !current?.confirmed) {
    next.confirmedAt = env.now.toISOString();
    next.confirmedBy = env.actor;
  } else if (!next.confirmed) {
    next.confirmedAt = null;
    next.confirmedBy = null;
  }
}

/** The appointment's local calendar date at `now`, to decide same-day cancellations. */
function localDateAt(now: Date, timeZone: string): string {
  return instantToZoned(now, timeZone).date;
}

function applyCancellation(
  next: AppointmentState,
  current: AppointmentState | null,
  patch: AppointmentPatch,
  env: WriteEnvironment,
): void {
  const becameCancelled = next.cancelled && !current?.cancelled;
  const becameActive = !next.cancelled && current?.cancelled === true;
  if (becameCancelled) {
    next.sameDayCancel =
      patch.sameDayCancel ?? (next.dateStartLocal !== null && localDateAt(env.now, next.timeZoneLocal) === next.dateStartLocal);
  } else if (becameActive) {
    next.cancelReason = patch.cancelReason ?? null;
    next.sameDayCancel = patch.sameDayCancel ?? false;
    next.onSiteCancel = patch.onSiteCancel ?? false;
  }
  if (!next.cancelled) {
    // Cancellation details on an appointment that is not cancelled would contradict it.
    for (const key of ["onSiteCancel", "sameDayCancel"] as const) {
      if (next[key]) invalidParam(key, `applies only to cancelled appointments; set cancelled as well`, [key, "cancelled"]);
    }
    if (next.cancelReason) {
      invalidParam("cancelReason", "applies only to cancelled appointments; set cancelled as well", ["cancelReason", "cancelled"]);
    }
  }
}
