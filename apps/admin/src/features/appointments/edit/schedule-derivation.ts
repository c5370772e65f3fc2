/**
 * The Schedule section's live derivation: the form asks @plano/schema's
 * `deriveSchedule` (the rule the server applies on save) what the other
 * representations are, given what the user typed. Only the representation the
 * user typed in is "given"; the others are derived and never sent.
 */
import {
  type Appointment,
  type DerivedSchedule,
  type ScheduleFieldName,
  type ScheduleFields,
  type ScheduleIssue,
  type SchedulePatch,
  type ScheduleZones,
  type ScheduleBoundary,
  type ScheduleRepresentation,
  deriveSchedule,
  emptySchedule,
  isValidTimeZone,
  scheduleBoundaries,
  scheduleRepresentations,
  wallClockFields as sharedWallClockFields,
} from "@plano/schema";
import { type FormValues, type WritableKey, toApiValue } from "./form-model";

// The schedule vocabulary is @plano/schema's (start/stop × local/office/UTC), not a copy.
export const boundaries = scheduleBoundaries;
export const representations = scheduleRepresentations;
export type Boundary = ScheduleBoundary;
export type Representation = ScheduleRepresentation;

/** The date and time fields of a boundary in a representation, e.g. dateStartOffice/timeStartOffice. */
export function wallClockFields(
  boundary: Boundary,
  representation: Representation,
): { date: ScheduleFieldName & WritableKey; time: ScheduleFieldName & WritableKey } {
  return sharedWallClockFields[boundary][representation];
}

/** Every schedule field, in the order the shared module lists them. */
export const scheduleFieldNames = Object.keys(emptySchedule(false)).filter((key) => key !== "startsAt" && key !== "stopsAt") as (ScheduleFieldName &
  WritableKey)[];

/** What the user has typed, per boundary: which representation, or for the stop possibly the duration. */
export interface ScheduleSources {
  start?: Representation;
  stop?: Representation | "duration";
}

export function schedulePatchFrom(values: FormValues, base: Appointment | null, sources: ScheduleSources): SchedulePatch {
  const patch: Record<string, unknown> = {};
  const give = (field: WritableKey) => {
    patch[field] = toApiValue(field, values[field]) ?? null;
  };
  for (const boundary of boundaries) {
    const source = sources[boundary];
    if (source === "duration") give("timeDuration");
    else if (source) {
      const { date, time } = wallClockFields(boundary, source);
      give(date);
      give(time);
    }
  }
  if (values.allday !== (base?.allday ?? false)) patch.allday = values.allday;
  return patch as SchedulePatch;
}

export type ZoneLookup = (officeId: number) => string | undefined;

/**
 * The zones a save would use, as the server picks them: the typed local zone
 * (else the stored one, else the office's), the chosen office's zone, and a
 * changed local zone counts as a correction of the stored wall clocks.
 */
export function scheduleZonesFor(values: FormValues, base: Appointment | null, officeZone: ZoneLookup): ScheduleZones | ScheduleIssueLike {
  const officeId = toApiValue("officeId", values.officeId);
  const officeTimeZone = typeof officeId === "number" ? officeZone(officeId) : undefined;
  if (!officeTimeZone) return { field: "officeId", message: "choose an office to see the office and UTC times" };
  const typed = toApiValue("timeZoneLocal", values.timeZoneLocal);
  const timeZoneLocal = typeof typed === "string" ? typed : (base?.timeZoneLocal ?? officeTimeZone);
  if (!isValidTimeZone(timeZoneLocal)) return { field: "timeZoneLocal", message: "expected an IANA time zone such as America/Denver" };
  const corrected = base !== null && timeZoneLocal !== base.timeZoneLocal;
  return { timeZoneLocal, officeTimeZone, ...(corrected ? { previousTimeZoneLocal: base.timeZoneLocal } : {}) };
}

interface ScheduleIssueLike {
  field: WritableKey;
  message: string;
}

export type FormSchedule = { ok: true; schedule: DerivedSchedule; zones: ScheduleZones } | { ok: false; issues: ScheduleIssueLike[] };

function scheduleOf(base: Appointment | null): ScheduleFields | null {
  if (!base) return null;
  return Object.fromEntries(scheduleFieldNames.map((key) => [key, base[key]])) as unknown as ScheduleFields;
}

const fromScheduleIssue = (issue: ScheduleIssue): ScheduleIssueLike => ({ field: issue.path[0], message: issue.message });

/** The schedule a save would store, or what is wrong with what was typed. */
export function deriveFormSchedule(values: FormValues, base: Appointment | null, sources: ScheduleSources, officeZone: ZoneLookup): FormSchedule {
  const zones = scheduleZonesFor(values, base, officeZone);
  if ("field" in zones) return { ok: false, issues: [zones] };
  let result: ReturnType<typeof deriveSchedule>;
  try {
    result = deriveSchedule(scheduleOf(base), schedulePatchFrom(values, base, sources), zones);
  } catch (error) {
    // The shared rule throws on zones it was promised were valid; as the user types, that is just an invalid field.
    return { ok: false, issues: [{ field: "timeZoneLocal", message: error instanceof Error ? error.message : String(error) }] };
  }
  return result.ok ? { ok: true, schedule: result.value, zones } : { ok: false, issues: result.issues.map(fromScheduleIssue) };
}

/** The fields the user typed (sent on save); all other schedule fields are derived. */
export function givenScheduleFields(sources: ScheduleSources): Set<WritableKey> {
  const given = new Set<WritableKey>(["allday"]);
  for (const boundary of boundaries) {
    const source = sources[boundary];
    if (source === "duration") given.add("timeDuration");
    else if (source) {
      const { date, time } = wallClockFields(boundary, source);
      given.add(date).add(time);
    }
  }
  return given;
}
