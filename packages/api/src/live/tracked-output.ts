import { isTrackedEnvelope, tracked, type TrackedEnvelope } from "@trpc/server";
import type { z } from "zod";

/**
 * `.output()` for a subscription of `tracked()` events. tRPC hands a
 * subscription's output parser the async iterable itself, not each event, so
 * this parser passes the iterable on and checks every event against `schema`
 * as it goes out (unlisted fields stripped, as for queries). Closing the
 * outer iterable closes the procedure's own (for-await returns it).
 */
export function trackedEvents<S extends z.ZodType>(schema: S) {
  return (events: unknown): AsyncGenerator<TrackedEnvelope<z.input<S>>, void, unknown> =>
    (async function* () {
      for await (const event of events as AsyncIterable<unknown>) {
        if (!isTrackedEnvelope(event)) throw new Error("a tracked subscription yielded an event without tracked()");
        yield tracked(event[0], schema.parse(event[1]) as z.input<S>);
      }
    })();
}
