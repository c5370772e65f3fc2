import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import type { z } from "zod";
import { markPlainJson } from "../transformer";

/**
 * `.output()` for a subscription of `tracked()` events. tRPC hands a
 * subscription's output parser the async iterable itself, not each event, so
 * this parser passes the iterable on and checks every event against `schema`
 * as it goes out (unlisted fields stripped, as for queries). Closing the
 * outer iterable closes the procedure's own (for-await returns it).
 *
 * One change goes to every subscriber that hears it as the same frozen event
 * object (live/subscription-filter.ts), so each distinct event is checked once
 * per process and its checked copy shared: checking it per subscriber cost
 * most of a fan-out to hundreds of boards (bench/ live, issue 10).
 */
export function trackedEvents<S extends z.ZodType>(schema: S) {
  const checked = new WeakMap<object, z.input<S>>();
  const check = (data: unknown): z.input<S> => {
    const shared = typeof data === "object" && data !== null && Object.isFrozen(data);
    const known = shared ? checked.get(data) : undefined;
    if (known !== undefined) return known;
    const output = schema.parse(data) as z.input<S>;
    if (shared) checked.set(data, markPlainJson(output));
    return output;
  };
  return (events: unknown): AsyncGenerator<TrackedEnvelope<z.input<S>>, void, unknown> =>
    (async function* () {
      for await (const event of events as AsyncIterable<unknown>) {
        if (!isTrackedEnvelope(event)) throw new Error("a tracked subscription yielded an event without tracked()");
        yield tracked(event[0], check(event[1]));
      }
    })();
}
