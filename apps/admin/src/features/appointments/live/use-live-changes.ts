"use client";
/**
 * The one way the admin listens to `appointment.onChange`, so the board, the
 * list and the edit page resume alike. After a dropped stream or an API
 * restart the client's retryLink subscribes again from the last event id it
 * saw, and the API replays what came after. A subscription that had no
 * resume point yet (no event received and none given) cannot be replayed:
 * `onGap` then says to read the data again, once the new stream is listening.
 */
import type { AppointmentChangesInput, AppointmentLiveEvent } from "@plano/schema";
import { useRef } from "react";
import { api } from "~/trpc/react";

export function useLiveChanges(
  input: AppointmentChangesInput,
  { enabled = true, onEvent, onGap }: { enabled?: boolean; onEvent: (event: AppointmentLiveEvent) => void; onGap: () => void },
) {
  const key = JSON.stringify(input);
  const state = useRef({ key, started: false, resumable: Boolean(input.lastEventId) });
  // Other filters make another subscription: it starts afresh.
  if (state.current.key !== key) state.current = { key, started: false, resumable: Boolean(input.lastEventId) };
  api.appointment.onChange.useSubscription(input, {
    enabled,
    onStarted: () => {
      if (state.current.started && !state.current.resumable) onGap();
      state.current.started = true;
    },
    onData: ({ id, data }) => {
      if (id) state.current.resumable = true;
      onEvent(data);
    },
  });
}
