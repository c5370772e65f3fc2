export {
  type IsoDate,
  type IsoTime,
  addDays,
  daysBetween,
  isIsoDate,
  isIsoTime,
} from "./calendar";
export { formatDuration, parseDuration } from "./duration";
export { type LegacyDateOptions, parseLegacyDateTime, readLegacyDate, readLegacyTime } from "./legacy-spellings";
export type { ParseResult } from "./result";
export { deriveSchedule } from "./schedule";
/** The schedule vocabulary, declared once: start/stop × local/office/UTC and the fields that hold each. */
export {
  BOUNDARIES as scheduleBoundaries,
  emptySchedule,
  REPRESENTATIONS as scheduleRepresentations,
  WALL_CLOCK_FIELDS as wallClockFields,
  wallClockOf,
  type Boundary as ScheduleBoundary,
  type Representation as ScheduleRepresentation,
} from "./schedule-fields";
export type {
  DerivedSchedule,
  ScheduleFieldName,
  ScheduleFields,
  SchedulePatch,
  ScheduleZones,
} from "./schedule-fields";
export type { ScheduleIssue } from "./schedule-outcome";
export { toSnakeCase } from "./snake-case";
export {
  instantToZoned,
  isValidTimeZone,
  zonedStartOfDay,
  zonedToInstant,
} from "./zones";
