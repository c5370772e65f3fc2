/**
 * An instant is written without a Date where its text allows (records.ts):
 * the same text as through `formatLegacyDateTime(new Date(text))`, or the
 * same failure, for any instant and any text shaped like one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appointmentSchema, legacyName, type Appointment } from "@plano/schema";
import { formatLegacyDateTime } from "../params/legacy-values";
import { appointmentRecord, legacyValueOf, legacyWarnings } from "./records";

function outcome(write: () => unknown): unknown {
  try {
    return write();
  } catch (error) {
    return `throws ${String(error)}`;
  }
}

const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
/** ISO-shaped texts, most of them real instants, some of them days or hours that do not exist. */
const isoLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), twoDigits(13), twoDigits(32), twoDigits(24), twoDigits(60), twoDigits(60), fc.integer({ min: 0, max: 999 }))
  .map(([y, mo, d, h, mi, s, ms]) => `${String(y).padStart(4, "0")}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, "0")}Z`);
const instants = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }).map((d) => d.toISOString());

describe("instants in legacy records", () => {
  it("are written as through a Date, month first or not", () => {
    fc.assert(
      fc.property(fc.oneof(isoLike, instants, fc.string()), fc.boolean(), (text, monthFirst) => {
        const options = { monthFirst };
        expect(outcome(() => legacyValueOf("startsAt", text, options))).toEqual(outcome(() => formatLegacyDateTime(new Date(text), options)));
        expect(outcome(() => legacyValueOf("updatedAtMt", text, options))).toEqual(outcome(() => formatLegacyDateTime(new Date(text), options)));
      }),
      { numRuns: 5000 },
    );
  });
});

/** The record as the seed spells it, written key by key from the public pieces: each key's legacy name and value, in the API's order. */
function expectedRecord(values: Record<string, unknown>, monthFirst: boolean): string {
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(values)) record[legacyName(key)] = legacyValueOf(key, values[key], { monthFirst });
  return JSON.stringify(record);
}

describe("appointment records", () => {
  const keys = Object.keys(appointmentSchema.shape);
  const value = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string(),
    isoLike,
    instants,
    fc.constantFrom("2026-03-29", "2026-02-30", "13:05:00"),
  );
  // Any of the appointment's keys, in any order, with any value: the writer made per key list must write what the key-by-key writing writes.
  const records = fc
    .shuffledSubarray(keys, { minLength: 1 })
    .chain((chosen) => fc.tuple(...chosen.map((key) => value.map((v) => [key, v] as const))))
    .map((entries) => Object.fromEntries(entries));

  it("are written as key by key, for any keys in any order, month first or not", () => {
    fc.assert(
      fc.property(records, fc.boolean(), (values, monthFirst) => {
        const write = () => JSON.stringify(appointmentRecord(values as unknown as Appointment, { monthFirst }));
        expect(outcome(write)).toEqual(outcome(() => expectedRecord(values, monthFirst)));
        // Again, now that the writer for this key list exists.
        expect(outcome(write)).toEqual(outcome(() => expectedRecord(values, monthFirst)));
      }),
      { numRuns: 1000 },
    );
  });

  it("write keys the field table does not know, and overlaps, as key by key", () => {
    const odd = { id: 1, notes: "n", somethingNew: "2026-03-29", __proto__: null } as unknown as Appointment;
    expect(JSON.stringify(appointmentRecord(odd, { monthFirst: true }))).toBe(expectedRecord(odd as unknown as Record<string, unknown>, true));
    const overlap = { id: 2, uuid: "u", summary: "s", startsAt: "2026-03-29T10:00:00.000Z", stopsAt: "2026-03-29T11:00:00.000Z" };
    const [warning] = legacyWarnings([{ code: "photographer-overlap", message: "m", field: "photographerUserId", overlaps: [overlap] }] as never, {
      monthFirst: true,
    });
    expect(JSON.stringify(warning!.overlaps)).toBe(`[${expectedRecord(overlap, true)}]`);
    expect(JSON.stringify(warning!.overlaps)).toContain('"starts_at":"03/29/2026 10:00:00"');
  });
});
