/**
 * `perKeyList` hands back what it made for a list of keys whenever the same
 * list comes again, and never what it made for another list.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { perKeyList } from "./key-list-cache";

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
