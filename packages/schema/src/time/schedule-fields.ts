/**
 * The vocabulary of `deriveSchedule`: the stored schedule fields, which of
 * them hold which boundary in which representation, and the issue type.
 */
import type { IsoDate, IsoTime } from "./calendar";

/** An appointment's start, stop and duration, as stored and as the APIs carry them. */
export interface ScheduleFields {
  /** All-day appointments carry dates only: every time and duration field is null. */
  allday: boolean;
  /** Wall clock in the appointment's own zone (`timeZoneLocal`). */
  dateStartLocal: IsoDate | null;
  timeStartLocal: IsoTime | null;
  dateStopLocal: IsoDate | null;
  timeStopLocal: IsoTime | null;
  /** Wall clock in the office's zone. */
  dateStartOffice: IsoDate | null;
  timeStartOffice: IsoTime | null;
  dateStopOffice: IsoDate | null;
  timeStopOffice: IsoTime | null;
  /** Wall clock in UTC. */
  dateStartUtc: IsoDate | null;
  timeStartUtc: IsoTime | null;
  dateStopUtc: IsoDate | null;
  timeStopUtc: IsoTime | null;
  /** Whole seconds from start to stop. */
  timeDurationS: number | null;
  /** `timeDurationS` for display, `H:MM`, truncated to the minute. */
  timeDuration: string | null;
}

export type ScheduleFieldName = keyof ScheduleFields;

/** A key that is present (and not `undefined`, which JSON cannot carry) is given; `null` clears. */
export type SchedulePatch = Partial<ScheduleFields>;

/** The fields plus the instants they stand for, which the database indexes. */
export interface DerivedSchedule extends ScheduleFields {
  startsAt: Date | null;
  stopsAt: Date | null;
}

export interface ScheduleZones {
  timeZoneLocal: string;
  officeTimeZone: string;
  /**
   * Set when `timeZoneLocal` is being corrected: the stored local wall clocks
   * were right and the zone was wrong, so they are kept and the instant moves.
   * Leave it out when the appointment simply moves to another zone.
   */
  previousTimeZoneLocal?: string;
}

export interface ScheduleInput {
  current: ScheduleFields | null;
  patch: SchedulePatch;
  zones: ScheduleZones;
}

export type Boundary = "start" | "stop";
export type Representation = "local" | "office" | "utc";

export const BOUNDARIES = ["start", "stop"] as const satisfies readonly Boundary[];
/** In order of precedence: issues point at the first representation a patch gives. */
export const REPRESENTATIONS = ["local", "office", "utc"] as const satisfies readonly Representation[];

/** The date and time fields that hold each boundary in each representation. */
export const WALL_CLOCK_FIELDS = {
  start: {
    local: { date: "dateStartLocal", time: "timeStartLocal" },
    office: { date: "dateStartOffice", time: "timeStartOffice" },
    utc: { date: "dateStartUtc", time: "timeStartUtc" },
  },
  stop: {
    local: { date: "dateStopLocal", time: "timeStopLocal" },
    office: { date: "dateStopOffice", time: "timeStopOffice" },
    utc: { date: "dateStopUtc", time: "timeStopUtc" },
  },
} as const satisfies Record<Boundary, Record<Representation, { date: ScheduleFieldName; time: ScheduleFieldName }>>;

export type WallClockFieldPair = (typeof WALL_CLOCK_FIELDS)[Boundary][Representation];

/** Which boundary, in which representation, a date or time field holds (undefined for any other field). */
export function wallClockOf(field: string): { boundary: Boundary; representation: Representation } | undefined {
  for (const boundary of BOUNDARIES) {
    for (const representation of REPRESENTATIONS) {
      const pair: { date: string; time: string } = WALL_CLOCK_FIELDS[boundary][representation];
      if (pair.date === field || pair.time === field) return { boundary, representation };
    }
  }
  return undefined;
}
export type DateFieldName = WallClockFieldPair["date"];
export type TimeFieldName = WallClockFieldPair["time"];

const ALL_PAIRS: WallClockFieldPair[] = BOUNDARIES.flatMap((boundary) => REPRESENTATIONS.map((representation) => WALL_CLOCK_FIELDS[boundary][representation]));
export const DATE_FIELDS: readonly DateFieldName[] = ALL_PAIRS.map((pair) => pair.date);
export const TIME_FIELDS: readonly TimeFieldName[] = ALL_PAIRS.map((pair) => pair.time);
export const DURATION_FIELDS = ["timeDurationS", "timeDuration"] as const satisfies readonly ScheduleFieldName[];

export function zoneOf(representation: Representation, zones: ScheduleZones): string {
  if (representation === "local") return zones.timeZoneLocal;
  return representation === "office" ? zones.officeTimeZone : "UTC";
}

export function isZoneCorrection(zones: ScheduleZones): boolean {
  return zones.previousTimeZoneLocal !== undefined && zones.previousTimeZoneLocal !== zones.timeZoneLocal;
}

export function isGiven(patch: SchedulePatch, field: ScheduleFieldName): boolean {
  return patch[field] !== undefined;
}

/** Whether the patch sets the field to a value, rather than leaving or clearing it. */
export function setsValue(patch: SchedulePatch, field: ScheduleFieldName): boolean {
  return (patch[field] ?? null) !== null;
}

/** A field's value after the patch: the patch's when given (`null` clears), else the current record's. */
export function patchedValue(field: DateFieldName | TimeFieldName, { current, patch }: ScheduleInput): string | null {
  const given = patch[field];
  return given !== undefined ? given : (current?.[field] ?? null);
}

/** The representations of a boundary the patch gives a date or time for. */
export function givenRepresentations(boundary: Boundary, patch: SchedulePatch): Representation[] {
  return REPRESENTATIONS.filter((representation) => {
    const { date, time } = WALL_CLOCK_FIELDS[boundary][representation];
    return isGiven(patch, date) || isGiven(patch, time);
  });
}

/** The fields of the representation the patch speaks for a boundary, else local: issues point where the caller wrote. */
export function spokenFields(boundary: Boundary, patch: SchedulePatch): WallClockFieldPair {
  return WALL_CLOCK_FIELDS[boundary][givenRepresentations(boundary, patch)[0] ?? "local"];
}

/** A schedule with nothing scheduled, for the derivations to fill in. */
export function emptySchedule(allday: boolean): DerivedSchedule {
  return {
    allday,
    dateStartLocal: null,
    timeStartLocal: null,
    dateStopLocal: null,
    timeStopLocal: null,
    dateStartOffice: null,
    timeStartOffice: null,
    dateStopOffice: null,
    timeStopOffice: null,
    dateStartUtc: null,
    timeStartUtc: null,
    dateStopUtc: null,
    timeStopUtc: null,
    timeDurationS: null,
    timeDuration: null,
    startsAt: null,
    stopsAt: null,
  };
}

/** Writes one boundary's six fields, each representation's from `wallClockIn` (null clears both). */
export function writeBoundary(
  schedule: ScheduleFields,
  boundary: Boundary,
  wallClockIn: (representation: Representation) => { date: IsoDate; time: IsoTime | null } | null,
): void {
  for (const representation of REPRESENTATIONS) {
    const fields = WALL_CLOCK_FIELDS[boundary][representation];
    const wallClock = wallClockIn(representation);
    schedule[fields.date] = wallClock?.date ?? null;
    schedule[fields.time] = wallClock?.time ?? null;
  }
}
