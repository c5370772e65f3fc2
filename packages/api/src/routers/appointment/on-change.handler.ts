import { TRPCError, tracked } from "@trpc/server";
import { appointmentChangesInput, appointmentLiveEventSchema, type AppointmentChangeEvent, type AppointmentLiveEvent } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { latestChangeId, loadChangesAfter, type StoredChange } from "../../live/change-events";
import { REPLAY_LIMIT } from "../../live/change-hub";
import { eventFor } from "../../live/subscription-filter";
import { trackedEvents } from "../../live/tracked-output";
import { requirePermission, syncParse } from "../../trpc";

/** A subscriber further behind than this is told to reload instead of being buffered without end. */
const MAX_QUEUED = 1000;

/**
 * Live appointment changes, after commit, as server-sent events. Every event
 * is `tracked()` by its audit entry id: on reconnect tRPC's client sends the
 * last one back as `lastEventId`, and the audit log replays what came after.
 */
export const onChange = requirePermission("appointments:read")
  .input(syncParse(appointmentChangesInput))
  .output(trackedEvents(appointmentLiveEventSchema))
  .subscription(async function* ({ ctx, input, signal }) {
    const hub = ctx.changes;
    if (!hub) throw new TRPCError({ code: "NOT_IMPLEMENTED", message: "Live changes are not available on this server." });
    const scope = readScope(ctx.principal);

    // Listen first, then replay: nothing can fall between the two (duplicates are skipped by id).
    let queue: StoredChange[] = [];
    let overflowed = false;
    let wake: (() => void) | undefined;
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort, { once: true });
    const unsubscribe = hub.subscribe((changes) => {
      for (const change of changes) queue.push(change);
      if (queue.length > MAX_QUEUED) {
        overflowed = true;
        queue = [];
      }
      wake?.();
    });
    const sent = new Set<number>();
    const emit = (change: StoredChange) => {
      sent.add(change.id);
      return eventFor(change, input, scope);
    };
    const resync = async () => {
      const id = await latestChangeId(ctx.db);
      return tracked(String(id), { kind: "resync", id } satisfies AppointmentLiveEvent);
    };

    try {
      if (input.lastEventId) {
        const replay = await loadChangesAfter(ctx.db, Number(input.lastEventId), REPLAY_LIMIT + 1);
        if (replay.length > REPLAY_LIMIT) {
          yield await resync();
        } else {
          for (const change of replay) {
            const event = emit(change);
            if (event) yield tracked(String(event.id), event satisfies AppointmentChangeEvent as AppointmentLiveEvent);
          }
        }
      }
      while (!signal?.aborted) {
        if (overflowed) {
          overflowed = false;
          yield await resync();
          continue;
        }
        const batch = queue;
        queue = [];
        for (const change of batch) {
          if (sent.has(change.id)) continue;
          const event = emit(change);
          if (event) yield tracked(String(event.id), event as AppointmentLiveEvent);
        }
        if (sent.size > 4 * MAX_QUEUED) sent.clear(); // only replay/live duplicates need it, and they come early
        if (queue.length === 0 && !overflowed) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      unsubscribe();
    }
  });
