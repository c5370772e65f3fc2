/**
 * The write rule itself, without I/O: a whole-layout save (every field as
 * read, one changed) is the change of that one field, whichever door sends it.
 */
import type { AppointmentPatch } from "@plano/schema";
import { anatomy, withOwnKeys } from "@plano/testing/objects";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppointmentState } from "./appointment-state";
import { changedFields, planAppointmentWrite, startingState } from "./plan-write";

const env = { now: new Date("2026-06-15T15:00:00Z"), actor: "planoorder", origin: "rest:planoorder" };
const refs = { office: { id: 1, timeZone: "America/Denver" } };

/** Denver, July 1st 2026 10:00–11:00 local = 16:00–17:00 UTC (MDT, UTC-6). */
const stored = planAppointmentWrite(null, { officeId: 1, dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", timeDurationS: 3600 }, refs, env);

/** Every writable field as the record holds it. */
function layout(state: AppointmentState): AppointmentPatch {
  const { officeTimeZone: _z, startsAt: _s, stopsAt: _t, confirmedAt: _c, ...fields } = state;
  return fields as AppointmentPatch;
}

describe("changedFields", () => {
  it("drops values equal to the stored ones, durations compared as durations", () => {
    expect(changedFields(stored, { ...layout(stored), timeDuration: "1:00:00", notes: "Dog" })).toEqual({ notes: "Dog" });
    expect(changedFields(stored, { timeDuration: "1:30" })).toEqual({ timeDuration: "1:30" });
    expect(changedFields(null, { notes: null })).toEqual({ notes: null });
  });
});

describe("planAppointmentWrite on a whole layout", () => {
  it("derives the schedule from the one changed field, re-deriving the ones sent unchanged", () => {
    const next = planAppointmentWrite(stored, { ...layout(stored), timeStopUtc: "18:00:00" }, refs, env);
    expect([next.timeStopLocal, next.timeStopOffice, next.timeDurationS, next.timeDuration]).toEqual(["12:00:00", "12:00:00", 7200, "2:00"]);
  });

  it("still refuses changed fields that contradict each other, naming them", () => {
    expect(() => planAppointmentWrite(stored, { ...layout(stored), timeStartLocal: "10:30:00", timeStartUtc: "18:00:00" }, refs, env)).toThrow(
      /time_start_local|time_start_utc/,
    );
  });

  it("takes confirmed_by from the caller when confirming, and refuses it without a confirmation", () => {
    expect(planAppointmentWrite(stored, { confirmed: true, confirmedBy: "Jane" }, refs, env)).toMatchObject({
      confirmedBy: "Jane",
      confirmedAt: env.now.toISOString(),
    });
    expect(planAppointmentWrite(stored, { confirmed: true }, refs, env).confirmedBy).toBe("planoorder");
    expect(() => planAppointmentWrite(stored, { confirmedBy: "Jane" }, refs, env)).toThrow(/confirmed/);
  });
});

describe("startingState", () => {
  /** What it stands for, as the language defines it: the empty state, the stored one over it, the placement over both. */
  const spread = (empty: AppointmentState, current: AppointmentState, placement: object) => ({ ...empty, ...current, ...placement });
  // The empty state itself: a create's start (`{ ...emptyState, ...placement }`, no list compiled) without its placement.
  const { officeId: _o, officeTimeZone: _z, timeZoneLocal: _l, ...emptyState } = startingState(null, { officeId: 0, officeTimeZone: "", timeZoneLocal: "" });
  const emptyFields = Object.keys(stored);
  const key = fc.oneof(fc.constantFrom(...emptyFields, "__proto__", "extra", "0", "toString", 'a"b'), fc.string({ maxLength: 3 }));
  const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }));
  /** A stored state of any shape: fields missing, in another order, undefined, extra ones, "__proto__" as an own key. */
  const state = fc.array(fc.tuple(key, value), { maxLength: 80 }).map((entries) => withOwnKeys(entries) as unknown as AppointmentState);
  const placement = fc.record({ officeId: fc.integer(), officeTimeZone: fc.string({ maxLength: 3 }), timeZoneLocal: fc.string({ maxLength: 3 }) });

  it("is the spreads' object for any stored state: the same keys in the same order, the same values", () => {
    fc.assert(
      fc.property(fc.array(state, { minLength: 1, maxLength: 5 }), placement, (states, placed) => {
        for (const current of [...states, ...states, stored]) {
          expect(anatomy(startingState(current, placed))).toEqual(anatomy(spread(emptyState as AppointmentState, current, placed)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
