"use client";
/**
 * Keeps a list page current: a row a colleague changed is replaced in place
 * as soon as the change commits; anything that may add or drop rows reloads
 * the page (at most once per second).
 */
import type { ListAppointmentsInput } from "@plano/schema";
import { useRef } from "react";
import { api } from "~/trpc/react";
import { useLiveChanges } from "./use-live-changes";

export function useLiveList(input: ListAppointmentsInput) {
  const utils = api.useUtils();
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = () => {
    reloadTimer.current ??= setTimeout(() => {
      reloadTimer.current = null;
      void utils.appointment.list.invalidate(input);
    }, 1000);
  };
  useLiveChanges(
    {
      ...(input.officeId !== undefined ? { officeId: input.officeId } : {}),
      ...(input.dateFromLocal !== undefined ? { dateFrom: input.dateFromLocal } : {}),
      ...(input.dateToLocal !== undefined ? { dateTo: input.dateToLocal } : {}),
    },
    {
      // Back after an outage with nothing to resume from: read the page again.
      onGap: () => void utils.appointment.list.invalidate(input),
      onEvent: (event) => {
        if (event.kind !== "change" || !event.appointment) return reload();
        const changed = event.appointment;
        let found = false;
        utils.appointment.list.setData(input, (page) => {
          if (!page) return page;
          const appointments = page.appointments.map((row) => {
            if (row.id !== changed.id) return row;
            found = true;
            return changed;
          });
          return found ? { ...page, appointments } : page;
        });
        // Another row may now match the filters (or this one stop matching, or move in the order).
        if (!found || event.fields.some((field) => field.startsWith("dateStart") || field.startsWith("timeStart"))) reload();
      },
    },
  );
}
