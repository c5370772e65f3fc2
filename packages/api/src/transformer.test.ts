/**
 * The fast path must be invisible on the wire: for any value, the server's
 * transformer gives byte for byte what superjson gives.
 */
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, transformer } from "./transformer";

/** The bytes sent, or the error (superjson throws on keys like `__proto__`). */
function wire(serialize: (value: unknown) => unknown, value: unknown): string {
  try {
    return JSON.stringify(serialize(value));
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

describe("transformer", () => {
  it("answers exactly as superjson for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(wire(transformer.serialize, value)).toBe(wire((v) => superjson.serialize(v), value));
      }),
      { numRuns: 2000 },
    );
  });

  it("throws as superjson does on the keys it refuses", () => {
    for (const key of ["__proto__", "prototype", "constructor"]) {
      const value = JSON.parse(`{"${key}": 1}`) as unknown;
      expect(() => transformer.serialize(value)).toThrow(/prototype pollution/);
    }
  });

  it("leaves to superjson whatever JSON cannot carry as it is", () => {
    const shared = { id: 1 };
    const cases: unknown[] = [
      new Date("2026-01-01T00:00:00Z"),
      { when: new Date(0) },
      undefined,
      { gone: undefined },
      [1, undefined],
      -0,
      Number.NaN,
      Infinity,
      10n,
      new Map([["a", 1]]),
      new Set([1]),
      /x/,
      [shared, shared], // superjson records the shared reference
    ];
    for (const value of cases) {
      expect(isPlainJson(value)).toBe(false);
      expect(wire(transformer.serialize, value)).toBe(wire((v) => superjson.serialize(v), value));
    }
  });

  it("reads what superjson writes", () => {
    const value = { at: new Date(5), list: [1, "a", null] };
    expect(transformer.deserialize(superjson.serialize(value))).toEqual(value);
  });
});
