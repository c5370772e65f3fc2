export {
  type IsoDate,
  type IsoTime,
  addDays,
  daysBetween,
  isIsoDate,
  isIsoTime,
  isoDateOf,
  isoTimeOf,
} from "./calendar";
export { formatDuration, parseDuration } from "./duration";
export type { ParseResult } from "./result";
export { deriveSchedule } from "./schedule";
export { emptySchedule } from "./schedule-fields";
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
  utcToInstant,
  zonedStartOfDay,
  zonedToInstant,
} from "./zones";
