/**
 * Durations: stored as whole seconds (`time_duration_s`), shown as `H:MM`
 * (`time_duration`), where the hours may run past 24.
 */
import type { ParseResult } from "./result";

const DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/;

/** `H:MM` for a non-negative number of seconds; leftover seconds are dropped, not rounded. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Not a duration in seconds: ${seconds}`);
  const minutes = Math.floor(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Seconds in an `H:MM` or `H:MM:SS` duration. */
export function parseDuration(text: string): ParseResult<number> {
  const match = DURATION.exec(text);
  const seconds = match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0) : NaN;
  if (!Number.isSafeInteger(seconds)) return { ok: false, expected: "a duration written H:MM or H:MM:SS" };
  return { ok: true, value: seconds };
}
