/**
 * Versions (`updated_at_mt`) as FileMaker keeps them.
 *
 * `_mt` is the record's *modification timestamp*: the instant of its last
 * write, which is also its version. It is an instant, not a Mountain Time wall
 * clock: a value without an offset is read as UTC, like every other timestamp
 * of the API, and a value with one (`2026-06-15T09:00:00-06:00`, as a
 * FileMaker user in Denver may type it) is read with its offset.
 *
 * FileMaker timestamp fields keep whole seconds, so a version may come back
 * with its fraction cut off, or in the `month_first` spelling
 * `MM/DD/YYYY HH:MM:SS`. To keep such a version unambiguous, every write puts
 * the new version in a later whole second than the one it replaces: a
 * whole-second version then names exactly one version of the record, and one
 * read before a write in the same second no longer matches.
 */
import { parseLegacyDateTime } from "@plano/schema";
import { invalidParam } from "../errors";

const SECOND_MS = 1000;
const floorToSecond = (ms: number) => Math.floor(ms / SECOND_MS) * SECOND_MS;

/** A fraction of a second in the text: `…:SS.mmm`. Without one the version is to the whole second. */
const FRACTION = /:\d{2}\.\d+/;

export interface StatedVersion {
  instant: Date;
  wholeSecond: boolean;
}

/**
 * Reads a caller's `updated_at_mt` in every spelling the API has returned:
 * ISO 8601 to the millisecond (`2026-06-15T15:00:01.000Z`), the same cut to
 * the second, with an offset, and `MM/DD/YYYY HH:MM:SS` (UTC). Surrounding
 * white space (FileMaker appends a CR) is ignored.
 */
export function readVersion(text: string): StatedVersion {
  const trimmed = text.trim();
  const parsed = parseLegacyDateTime(trimmed, { monthFirst: true });
  if (!parsed.ok) {
    return invalidParam("updatedAtMt", 'expected the updated_at_mt value returned by the API, got "{value}"', undefined, { value: text.slice(0, 60) });
  }
  return { instant: parsed.value, wholeSecond: !FRACTION.test(trimmed) };
}

/** Whether the stated version is the record's current one (to the second, when that is all it says). */
export function namesVersion(stated: StatedVersion, current: Date): boolean {
  return stated.wholeSecond ? stated.instant.getTime() === floorToSecond(current.getTime()) : stated.instant.getTime() === current.getTime();
}

/** The version a write after `previous` gets at `now`: now, but never within `previous`'s second. */
export function nextVersion(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), floorToSecond(previous.getTime()) + SECOND_MS));
}
