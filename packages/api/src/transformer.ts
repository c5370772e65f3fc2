/**
 * The tRPC transformer: superjson, the same as the client's, with a fast path
 * for answers that are plain JSON already (every appointment the API returns:
 * dates and times are strings by then). superjson.serialize walks every value
 * to record the types JSON cannot carry; for a list page of 50 appointments
 * that walk cost more than the database query (bench/). When nothing needs
 * recording, superjson's answer is exactly `{ json: value }`, so that is
 * returned directly; anything else still goes through superjson.
 *
 * Kept, not dropped (issue 12/13), for a measured reason: with this fast path
 * superjson costs ~20 µs to answer an update and ~1.5 µs to read its input,
 * under 1 % of the server CPU an update takes (bench/, 2026-12-06), while
 * dropping it changes the wire format (`{"json": …}` inputs and answers) that
 * every installed @plano/client and the admin speak: a breaking change for
 * the services that call us, bought for less than the bench's noise.
 */
import superjson from "superjson";

const refusedKeys = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Whether superjson would have nothing to record for `value`: only strings,
 * booleans, null, finite numbers other than -0, arrays and plain objects, no
 * object reached twice (superjson records shared references too), and no key
 * superjson refuses (it throws on those; it still gets to).
 */
export function isPlainJson(value: unknown, seen = new Set<object>()): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], seen)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key of Object.keys(value)) {
        if (refusedKeys.has(key) || !isPlainJson((value as Record<string, unknown>)[key], seen)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** Deep-frozen values known to be plain JSON: an answer sent many times (a live event to every subscriber) is walked once. */
const knownPlain = new WeakSet<object>();

function deepFreeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
}

/**
 * Freezes `value` for good and, if it is plain JSON, remembers that, so every
 * later `serialize` of the same object skips the walk. Returns `value`.
 */
export function markPlainJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  deepFreeze(value);
  if (isPlainJson(value)) knownPlain.add(value);
  return value;
}

export const transformer = {
  serialize: (value: unknown) =>
    (typeof value === "object" && value !== null && knownPlain.has(value)) || isPlainJson(value) ? { json: value } : superjson.serialize(value),
  deserialize: <T>(payload: unknown): T => superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]),
};
