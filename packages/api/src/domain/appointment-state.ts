/**
 * The stored state of an appointment in API form, without identity or
 * version: what a write computes and what the audit log compares.
 */
import type { Appointment } from "@plano/schema";

export type AppointmentState = Omit<Appointment, "id" | "uuid" | "createdAt" | "updatedAt" | "updatedAtMt">;

/** Fields the audit log never lists: identity, versions, and caches derived from others. */
const notAudited = new Set(["id", "uuid", "createdAt", "updatedAt", "updatedAtMt", "officeTimeZone", "startsAt", "stopsAt"]);

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Field-by-field before/after; `before` null for a new appointment. */
export function diffStates(before: Partial<AppointmentState> | null, after: AppointmentState): FieldChanges {
  const changes: FieldChanges = {};
  // Keys, not entries: an update diffs its ~60 fields twice, and the pair per field cost more than the comparison.
  const keys = Object.keys(after);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = (after as Record<string, unknown>)[key];
    if (notAudited.has(key)) continue;
    const previous = before ? ((before as Record<string, unknown>)[key] ?? null) : null;
    if (before === null && (value === null || value === false)) continue;
    if (previous !== value) changes[key] = { before: previous, after: value };
  }
  return changes;
}
