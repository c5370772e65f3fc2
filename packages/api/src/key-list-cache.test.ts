/**
 * `perKeyList` hands back what it made for a list of keys whenever the same
 * list comes again, and never what it made for another list.
 */
import fc from "fast-check";
import { anatomy, withOwnKeys } from "@plano/testing/objects";
import { describe, expect, it } from "vitest";
import { perKeyList, withoutKeys } from "./key-list-cache";

describe("perKeyList", () => {
  it("makes once per list and answers each list with its own, however lists alternate or resemble each other", () => {
    const keyLists = fc.array(fc.array(fc.oneof(fc.constantFrom("a", "b", "a,b", ",", "", "__proto__"), fc.string({ maxLength: 3 })), { maxLength: 4 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(keyLists, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (lists, picks, max) => {
        const compiled: string[][] = [];
        const cache = perKeyList((keys) => {
          compiled.push([...keys]);
          return [...keys];
        }, max);
        for (const pick of picks) {
          const keys = [...lists[pick % lists.length]!];
          expect(cache(keys)).toEqual(keys);
        }
        // Made again only after being forgotten: never more often than asked for, never for a list seen last.
        expect(compiled.length).toBeLessThanOrEqual(picks.length);
      }),
    );
  });

  it("keeps the lists used most recently: one used again is not made again, one forgotten is", () => {
    let made = 0;
    const cache = perKeyList(() => ++made, 2);
    const [x, y, z] = [["x"], ["y"], ["z"]];
    expect([cache(x), cache(y), cache(x), cache(y)]).toEqual([1, 2, 1, 2]);
    // x, y in use; z pushes out the least recently used (x).
    expect(cache(z)).toBe(3);
    expect(cache(y)).toBe(2);
    expect(cache(x)).toBe(4);
  });

  it("does not take a list changed after the call for the one it was made for", () => {
    const cache = perKeyList((keys) => keys.join("|"));
    const keys = ["a", "b"];
    expect(cache(keys)).toBe("a|b");
    keys.push("c");
    expect(cache(keys)).toBe("a|b|c");
    expect(cache(["a", "b"])).toBe("a|b");
  });
});

describe("withoutKeys", () => {
  /** What it stands for: rest destructuring, as the language defines it. */
  const destructured = (value: Record<string, unknown>) => {
    const { id: _id, uuid: _uuid, ...rest } = value;
    return rest;
  };
  const key = fc.oneof(
    fc.constantFrom("id", "uuid", "officeId", "__proto__", "constructor", "toString", "0", "10", "1e3", "-1", "a\u2028b", '"', "\\", "`x`", "$", "", " "),
    fc.string({ maxLength: 4 }),
  );
  const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double(), fc.string({ maxLength: 5 }), fc.object({ maxDepth: 1 }));
  // fc.dictionary writes keys as a literal's would; "__proto__" must arrive as an own key, as JSON.parse makes it.
  const record = fc.array(fc.tuple(key, value), { maxLength: 70 }).map(withOwnKeys);

  it("copies as `{ id, uuid, ...rest }` does: the same own keys in the same order, the same values, a plain prototype", () => {
    const copy = withoutKeys("id", "uuid");
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), (records) => {
        // Several shapes in turn, as requests alternate: each copy is made by its own list's code.
        for (const item of [...records, ...records]) expect(anatomy(copy(item))).toEqual(anatomy(destructured(item)));
      }),
      { numRuns: 300 },
    );
  });

  it("never sets the copy's prototype from a key named __proto__, nor runs a key as code", () => {
    const evil = 'x"]: 1 }); globalThis.hit = true; ({ "';
    // JSON.parse makes "__proto__" an own key, as a request body would.
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "id": 1, ${JSON.stringify(evil)}: 2}`) as Record<string, unknown>;
    const copy = withoutKeys("id")(hostile);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", evil]);
    expect((globalThis as { hit?: boolean }).hit).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const { ["__proto__"]: _proto, ...withoutProto } = hostile;
    expect(Object.keys(withoutKeys("__proto__")(hostile))).toEqual(Object.keys(withoutProto));
  });

  it("leaves the original as it was", () => {
    const original = { id: 1, uuid: "u", name: "n" };
    const copy = withoutKeys("id", "uuid")(original);
    expect(copy).toEqual({ name: "n" });
    expect(original).toEqual({ id: 1, uuid: "u", name: "n" });
    expect(copy).not.toBe(original);
  });
});
