"use client";
/**
 * The board's data: one `appointment.board` read, then kept current in place
 * from saves made here and from live change events (`appointment.onChange`,
 * resumed from the read's `lastEventId`, so nothing between the two is lost,
 * and after an API restart from the last event received: see useLiveChanges).
 */
import { isQueued, type Appointment } from "@plano/schema";
import { useCallback } from "react";
import { api, type RouterOutputs } from "~/trpc/react";
import { useLiveChanges } from "../appointments/live/use-live-changes";
import { addDays } from "./board-geometry";
import { boardQueryInput, type BoardParams } from "./board-params";

export type BoardData = RouterOutputs["appointment"]["board"];

const byStart = (a: Appointment, b: Appointment) => (a.startsAt ?? "9999").localeCompare(b.startsAt ?? "9999") || a.id - b.id;

/** The board with one appointment as it is now (or without it, when gone or no longer visible). */
export function withAppointment(board: BoardData, id: number, appointment: Appointment | null): BoardData {
  const others = board.appointments.filter((a) => a.id !== id);
  const queue = board.queue.filter((a) => a.id !== id);
  if (!appointment) return { ...board, appointments: others, queue };
  const ofOffice = board.officeId === null || appointment.officeId === board.officeId;
  const date = appointment.dateStartOffice;
  // On the board when it runs into a shown day: begun then, or earlier and still going (the board's read says the same).
  const onBoard = ofOffice && date !== null && date <= board.to && (appointment.dateStopOffice ?? date) >= board.from;
  return {
    ...board,
    appointments: onBoard ? [...others, appointment].sort(byStart) : others,
    queue: ofOffice && isQueued(appointment) ? [...queue, appointment].sort(byStart) : queue,
  };
}

export function useBoardData(params: BoardParams) {
  const input = boardQueryInput(params);
  const utils = api.useUtils();
  const board = api.appointment.board.useQuery(input, { refetchOnWindowFocus: false, staleTime: Infinity });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the input is rebuilt from params on every render; its identity is the params'.
  const apply = useCallback(
    (id: number, appointment: Appointment | null) => {
      utils.appointment.board.setData(input, (current) => (current ? withAppointment(current, id, appointment) : current));
    },
    [utils, params.date, params.view, params.officeId],
  );

  const data = board.data;
  useLiveChanges(
    {
      ...(params.officeId !== null ? { officeId: params.officeId } : {}),
      // Office dates of the shown days; local dates may differ by a day at the edges.
      ...(data ? { dateFrom: addDays(data.from, -1), dateTo: addDays(data.to, 1), lastEventId: data.lastEventId } : {}),
    },
    {
      enabled: Boolean(data),
      onEvent: (event) => {
        if (event.kind === "resync") void utils.appointment.board.invalidate(input);
        else {
          const known = data?.photographers.some((p) => p.id === event.appointment?.photographerUserId) ?? true;
          if (event.appointment?.photographerUserId != null && !known) void utils.appointment.board.invalidate(input);
          else apply(event.appointmentId, event.appointment);
        }
      },
      // The board's read gives a resume point, so this only follows a reload that had none.
      onGap: () => void utils.appointment.board.invalidate(input),
    },
  );
  return { board, apply };
}
