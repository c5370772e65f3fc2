/**
 * THE place where an appointment write is decided: given the stored state (or
 * none, for a create) and a patch, compute the complete next state or reject
 * the patch naming the fields at fault. Every entry point (tRPC, REST, admin,
 * CLI) goes through here; it does no I/O, so it is tested directly.
 */
import { deriveSchedule, emptySchedule, parseDuration, instantToZoned, type AppointmentPatch, type ScheduleFields } from "@plano/schema";
import { fail, invalidParam } from "../errors";
import { literalSource, perKeyList } from "../key-list-cache";
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

type Placement = Pick<AppointmentState, "officeId" | "officeTimeZone" | "timeZoneLocal">;
const placementKeys: readonly string[] = ["officeId", "officeTimeZone", "timeZoneLocal"];
const emptyKeys = Object.keys(emptyState);

type Start = (current: AppointmentState, placement: Placement) => AppointmentState;

/**
 * `{ ...emptyState, ...current, ...placement }` for one list of `current`'s
 * keys, as one object literal: the same keys in the same order with the same
 * values (plan-write.test.ts), where the spreads stored the 60 fields one by
 * one into a copy whose shape V8 had to rework on every write (bench/, issue
 * 13). A list holding `__proto__` takes the spreads themselves (`literalSource`).
 */
function compileStart(keys: readonly string[]): Start {
  const inCurrent = new Set(keys);
  const order = [
    ...emptyKeys,
    ...keys.filter((key) => !emptyKeys.includes(key)),
    ...placementKeys.filter((key) => !emptyKeys.includes(key) && !inCurrent.has(key)),
  ];
  const from = (key: string) => (placementKeys.includes(key) ? "placement" : inCurrent.has(key) ? "current" : "empty");
  const source = literalSource(order, (quoted, key) => `${from(key)}[${quoted}]`);
  if (source === undefined) return (current, placement) => ({ ...emptyState, ...current, ...placement });
  return new Function("empty", `return function start(current, placement) {\n  return ${source};\n};`)(emptyState) as Start;
}

const startFor = perKeyList(compileStart);

/** The state a write starts from: the stored one (or the empty one) placed in its office and zone. */
export function startingState(current: AppointmentState | null, placement: Placement): AppointmentState {
  return current ? startFor(Object.keys(current))(current, placement) : { ...emptyState, ...placement };
}

/** The schedule's own fields (those `deriveSchedule` decides), without the instants it derives. */
const scheduleKeys = Object.keys(emptySchedule(false)).filter((key): key is keyof ScheduleFields => key !== "startsAt" && key !== "stopsAt");
const scheduleKeySet = new Set<string>(scheduleKeys);

function pickSchedule(state: AppointmentState): ScheduleFields {
  return Object.fromEntries(scheduleKeys.map((key) => [key, state[key]])) as unknown as ScheduleFields;
}

/** Two spellings of a duration are the same value when they name the same seconds (`1:30` = `1:30:00`). */
function sameDuration(sent: string | null, stored: string | null): boolean {
  if (sent === null || stored === null) return sent === stored;
  const [a, b] = [parseDuration(sent), parseDuration(stored)];
  return a.ok && b.ok && a.value === b.value;
}

/**
 * The patch without the values the record already holds. A FileMaker layout
 * (and the admin's form) sends every field as it was read plus the one the
 * user changed: a sent value equal to the stored one is no change, so it
 * neither overrides what the changed fields derive nor contradicts them.
 * Values are compared after parsing, so every accepted spelling of the stored
 * value (`10:00` and `10:00:00`, `1:30` and `1:30:00`, `07/01/2026` and
 * `2026-07-01`) counts as unchanged.
 */
export function changedFields(current: AppointmentState | null, patch: AppointmentPatch): AppointmentPatch {
  if (!current) return patch;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const stored = (current as Record<string, unknown>)[key];
    const same = key === "timeDuration" ? sameDuration(value as string | null, stored as string | null) : value === stored;
    if (!same) changed[key] = value;
  }
  return changed as AppointmentPatch;
}

export function planAppointmentWrite(current: AppointmentState | null, sent: AppointmentPatch, refs: WriteReferences, env: WriteEnvironment): AppointmentState {
  const patch = changedFields(current, sent);
  const timeZoneLocal = patch.timeZoneLocal ?? current?.timeZoneLocal ?? refs.office.timeZone;
  const next = startingState(current, { officeId: refs.office.id, officeTimeZone: refs.office.timeZone, timeZoneLocal });

  // Plain fields: taken as given.
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || scheduleKeySet.has(key) || key === "officeId" || key === "timeZoneLocal" || key === "confirmedBy") continue;
    (next as Record<string, unknown>)[key] = value;
  }

  applySchedule(next, current, patch);
  applyPhotographer(next, current, patch, refs);
  checkWindows(next);
  applyConfirmation(next, current, patch, sent.confirmedBy, env);
  applyCancellation(next, current, patch, env);

  // Who saved is said, not changed: the sent name counts even when it equals the stored one.
  next.updatedBy = sent.updatedBy ?? env.actor;
  if (!current) {
    next.createdBy = sent.createdBy ?? env.actor;
    next.createdIn = sent.createdIn ?? env.origin;
  }
  return next;
}

function applySchedule(next: AppointmentState, current: AppointmentState | null, patch: AppointmentPatch): void {
  const schedulePatch = Object.fromEntries(
    Object.entries(patch).filter(([key, value]) => scheduleKeySet.has(key) && value !== undefined),
  ) as Partial<ScheduleFields>;
  // Nothing of the schedule changed, in the same zones: the stored schedule stands (`next` holds it already).
  // Deriving it again gives it back, for every derived schedule (schedule.property.test.ts), at ~50 µs a write.
  const sameZones = current !== null && next.timeZoneLocal === current.timeZoneLocal && next.officeTimeZone === current.officeTimeZone;
  if (sameZones && Object.keys(schedulePatch).length === 0) return;
  const result = deriveSchedule(current ? pickSchedule(current) : null, schedulePatch, {
    timeZoneLocal: next.timeZoneLocal,
    officeTimeZone: next.officeTimeZone,
    // A changed zone with no new times is a correction: keep the local wall clock.
    ...(current && patch.timeZoneLocal !== undefined && patch.timeZoneLocal !== current.timeZoneLocal ? { previousTimeZoneLocal: current.timeZoneLocal } : {}),
  });
  if (!result.ok) {
    const [issue] = result.issues;
    if (!issue) fail("invalid-param", "The schedule is invalid.");
    fail("invalid-param", issue.text, { field: issue.path[0], fields: issue.fields });
  }
  const { startsAt, stopsAt, ...fields } = result.value;
  Object.assign(next, fields);
  next.startsAt = startsAt ? startsAt.toISOString() : null;
  next.stopsAt = stopsAt ? stopsAt.toISOString() : null;
}

function applyPhotographer(next: AppointmentState, current: AppointmentState | null, patch: AppointmentPatch, refs: WriteReferences): void {
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
      `follows the assigned photographer (user {user} is "{name}"); change {photographerUserId} instead`,
      ["photographerName", "photographerUserId"],
      { user: assignedUserId, name: assignedName ?? "null" },
    );
  }
}

function checkWindows(next: AppointmentState): void {
  const { windowTimeStart, windowTimeEnd, windowDateStart, windowDateEnd } = next;
  if (windowTimeStart !== null && windowTimeEnd !== null && windowTimeStart > windowTimeEnd) {
    invalidParam("windowTimeEnd", `must not be before {windowTimeStart} (${windowTimeStart} > ${windowTimeEnd} minutes)`, ["windowTimeStart", "windowTimeEnd"]);
  }
  if (windowDateStart !== null && windowDateEnd !== null && windowDateStart > windowDateEnd) {
    invalidParam("windowDateEnd", `must not be before {windowDateStart} (${windowDateStart} > ${windowDateEnd})`, ["windowDateStart", "windowDateEnd"]);
  }
}

/**
 * Confirming stamps when on the server, and who: the caller's own name for it
 * (`confirmed_by`, e.g. the FileMaker operator, as `updated_by`) or else the
 * caller. Unconfirming clears both; a name for an unconfirmed appointment
 * contradicts it.
 */
function applyConfirmation(
  next: AppointmentState,
  current: AppointmentState | null,
  patch: AppointmentPatch,
  givenBy: string | null | undefined,
  env: WriteEnvironment,
): void {
  if (next.confirmed && !current?.confirmed) {
    next.confirmedAt = env.now.toISOString();
    next.confirmedBy = givenBy ?? env.actor;
  } else if (next.confirmed) {
    if (givenBy !== undefined) next.confirmedBy = givenBy ?? env.actor;
  } else {
    if (patch.confirmedBy) invalidParam("confirmedBy", "applies only to confirmed appointments; set {confirmed} as well", ["confirmedBy", "confirmed"]);
    next.confirmedAt = null;
    next.confirmedBy = null;
  }
}

/** The appointment's local calendar date at `now`, to decide same-day cancellations. */
function localDateAt(now: Date, timeZone: string): string {
  return instantToZoned(now, timeZone).date;
}

function applyCancellation(next: AppointmentState, current: AppointmentState | null, patch: AppointmentPatch, env: WriteEnvironment): void {
  const becameCancelled = next.cancelled && !current?.cancelled;
  const becameActive = !next.cancelled && current?.cancelled === true;
  if (becameCancelled) {
    next.sameDayCancel = patch.sameDayCancel ?? (next.dateStartLocal !== null && localDateAt(env.now, next.timeZoneLocal) === next.dateStartLocal);
  } else if (becameActive) {
    next.cancelReason = patch.cancelReason ?? null;
    next.sameDayCancel = patch.sameDayCancel ?? false;
    next.onSiteCancel = patch.onSiteCancel ?? false;
  }
  if (!next.cancelled) {
    // Cancellation details on an appointment that is not cancelled would contradict it.
    for (const key of ["onSiteCancel", "sameDayCancel"] as const) {
      if (next[key]) invalidParam(key, "applies only to cancelled appointments; set {cancelled} as well", [key, "cancelled"]);
    }
    if (next.cancelReason) {
      invalidParam("cancelReason", "applies only to cancelled appointments; set {cancelled} as well", ["cancelReason", "cancelled"]);
    }
  }
}
