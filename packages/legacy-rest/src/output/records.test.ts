/**
 * An instant is written without a Date where its text allows (records.ts):
 * the same text as through `formatLegacyDateTime(new Date(text))`, or the
 * same failure, for any instant and any text shaped like one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatLegacyDateTime } from "../params/legacy-values";
import { legacyValueOf } from "./records";

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
