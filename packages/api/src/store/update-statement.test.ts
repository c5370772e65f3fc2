/**
 * The update statement from its shape's recipe (text built once, values put
 * where the markers showed) must be exactly the statement built from scratch:
 * the same text and the same values in the same order, for any set of changed
 * fields, with or without the overlap query, for every kind of read scope.
 */
import fc from "fast-check";
import { appointmentFields } from "@plano/schema";
import { describe, expect, it } from "vitest";
import type { ReadScope } from "../auth/principal";
import type { AppointmentState } from "../domain/appointment-state";
import { updateStatement, type AuditContext } from "./appointment-write";

const keys = appointmentFields.map((field) => field.key as string).filter((key) => !["id", "uuid", "createdAt", "updatedAt", "updatedAtMt"].includes(key));

const base = Object.fromEntries(keys.map((key) => [key, null])) as unknown as AppointmentState;
Object.assign(base, { officeId: 1, officeTimeZone: "America/Denver", timeZoneLocal: "America/Denver", confirmed: false, cancelled: false, allday: false });

const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms).toISOString());
const scope: fc.Arbitrary<ReadScope | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ all: true } as const),
  fc.record({ all: fc.constant(false as const), photographerUserId: fc.option(fc.nat(), { nil: null }), clientId: fc.option(fc.nat(), { nil: null }) }),
);
const stateArb = fc
  .record({
    changed: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }),
    photographerUserId: fc.option(fc.nat(), { nil: null }),
    startsAt: fc.option(instant, { nil: null }),
    stopsAt: fc.option(instant, { nil: null }),
    cancelled: fc.boolean(),
  })
  .map(({ changed, ...slot }) => ({ ...base, ...changed, ...slot }) as AppointmentState);

const audit: AuditContext = {
  actor: "planoorder:bench",
  actorUserId: null,
  application: "planoorder",
  channel: "trpc",
  now: new Date("2026-06-15T15:00:00.123Z"),
};

describe("updateStatement", () => {
  it("from a recipe is the statement built from scratch, text and values", () => {
    fc.assert(
      fc.property(stateArb, stateArb, scope, fc.nat(), fc.constantFrom("update", "confirm"), (before, next, overlapScope, id, action) => {
        const version = new Date("2026-06-15T14:00:00.000Z");
        const reference = updateStatement(id, version, before, next, action, audit, overlapScope, { reference: true });
        // Twice: the first call may build the shape's recipe, the second takes it from the cache.
        for (let i = 0; i < 2; i++) {
          const fast = updateStatement(id, version, before, next, action, audit, overlapScope);
          expect(fast.statement.text).toBe(reference.statement.text);
          expect(fast.statement.values).toEqual(reference.statement.values);
          expect(fast.changes).toEqual(reference.changes);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("gives the same text object to every update of one shape (so its prepared statement is found at once)", () => {
    const next = { ...base, notes: "a", photographerUserId: 3, startsAt: "2026-07-01T10:00:00.000Z", stopsAt: "2026-07-01T11:00:00.000Z" };
    const first = updateStatement(1, new Date(), base, next, "update", audit, { all: true });
    const second = updateStatement(2, new Date(), base, { ...next, notes: "b" }, "update", audit, { all: true });
    expect(second.statement.text).toBe(first.statement.text);
    expect(second.statement.values).not.toEqual(first.statement.values);
  });
});
