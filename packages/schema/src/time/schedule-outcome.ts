/**
 * How `deriveSchedule` reports: an outcome is a value or the issues that
 * prevent it. Steps return outcomes so that independent problems (a bad start
 * and a bad stop) are reported together, as a form wants them.
 */
import { type ScheduleFieldName, type SchedulePatch, spokenFields } from "./schedule-fields";
import { fieldRef, renderIssue } from "../issue";
import { toSnakeCase } from "./snake-case";

export interface ScheduleIssue {
  /** The field to point at. */
  path: [ScheduleFieldName];
  /** Every field involved, `path`'s first. */
  fields: ScheduleFieldName[];
  /** The sentence with each field as `{apiKey}` (see ../issue.ts), for a door to name in its own words. */
  text: string;
  /** The sentence naming the fields as the legacy API spells them (snake_case). */
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: ScheduleIssue[] };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(...issues: ScheduleIssue[]): { ok: false; issues: ScheduleIssue[] } {
  return { ok: false, issues };
}

/** An issue about `fields`, pointing at the first; a field listed twice is listed once. */
export function issue(fields: readonly [ScheduleFieldName, ...ScheduleFieldName[]], text: string): ScheduleIssue {
  return { path: [fields[0]], fields: [...new Set(fields)], text, message: renderIssue({ text }, toSnakeCase) };
}

export function issuesOf(...outcomes: Outcome<unknown>[]): ScheduleIssue[] {
  return outcomes.flatMap((outcome) => (outcome.ok ? [] : outcome.issues));
}

/** All the values, or every issue among the outcomes. */
export function all<T>(outcomes: readonly Outcome<T>[]): Outcome<T[]> {
  const issues = issuesOf(...outcomes);
  return issues.length > 0 ? fail(...issues) : ok(outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : [])));
}

/** An issue for each statement that disagrees with the first, which is taken as the reference. */
export function disagreements<T>(
  statements: readonly T[],
  agree: (reference: T, other: T) => boolean,
  issueFor: (reference: T, other: T) => ScheduleIssue,
): ScheduleIssue[] {
  const [reference, ...others] = statements;
  if (reference === undefined) return [];
  return others.filter((other) => !agree(reference, other)).map((other) => issueFor(reference, other));
}

/** A field in an issue's sentence: a placeholder each door names (snake_case in `message`). */
export const named = (field: ScheduleFieldName): string => fieldRef(field);

/**
 * An appointment cannot stop without starting. The issue points at the start
 * when the patch cleared it, else at the stop that is set.
 */
export function stopWithoutStart(startCleared: boolean, patch: SchedulePatch): ScheduleIssue {
  const start = spokenFields("start", patch);
  const stop = spokenFields("stop", patch);
  return startCleared
    ? issue(
        [start.date, start.time, stop.date, stop.time],
        `${named(start.date)} cannot be cleared while the appointment has a stop: clear ${named(stop.date)} as well.`,
      )
    : issue([stop.date, stop.time, start.date, start.time], `${named(stop.date)} is set but the appointment has no start: set ${named(start.date)} as well.`);
}
