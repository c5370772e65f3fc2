"use client";
/**
 * The one way the admin listens to `appointment.onChange`, so the board, the
 * list and the edit page resume alike. After a dropped stream or an API
 * restart the client's retryLink subscribes again from the last event id it
 * saw, and the API replays what came after. A stream that starts with no
 * resume point (no event received and none given) cannot replay what came
 * before it, be it between the page's read and the first stream or during an
 * outage before any event: `onGap` then says to read the data again, now that
 * the stream is listening.
 */
import type { AppointmentChangesInput, AppointmentLiveEvent } from "@plano/schema";
import { useRef } from "react";
import { api } from "~/trpc/react";

export function useLiveChanges(
  input: AppointmentChangesInput,
  { enabled = true, onEvent, onGap }: { enabled?: boolean; onEvent: (event: AppointmentLiveEvent) => void; onGap: () => void },
) {
  const key = JSON.stringify(input);
  const state = useRef({ key, resumable: Boolean(input.lastEventId) });
  // Other filters make another subscription: it starts afresh.
  if (state.current.key !== key) state.current = { key, resumable: Boolean(input.lastEventId) };
  api.appointment.onChange.useSubscription(input, {
    enabled,
    onStarted: () => {
      if (!state.current.resumable) onGap();
    },
    onData: ({ id, data }) => {
      if (id) state.current.resumable = true;
      onEvent(data);
    },
  });
}
