"use client";
/**
 * Before saving: does the chosen photographer already have another shoot in
 * this slot? Asked of the API (`appointment.conflicts`) as the form changes,
 * shown as a warning; schedulers may double-book on purpose.
 */
import type { Overlap } from "@plano/schema";
import Link from "next/link";
import { useDeferredValue } from "react";
import { Notice } from "~/components/ui/notice";
import { formatInstantIn } from "~/lib/time-display";
import { api } from "~/trpc/react";
import type { Slot } from "./use-appointment-form";

export function OverlapWarning({
  appointmentId,
  photographerUserId,
  slot,
  timeZone,
}: {
  appointmentId: number | null;
  photographerUserId: number | null;
  slot: Slot | null;
  timeZone: string;
}) {
  // Typing a time changes the slot per keystroke; ask for the settled value.
  const query = useDeferredValue(photographerUserId !== null && slot ? { photographerUserId, ...slot } : null);
  const conflicts = api.appointment.conflicts.useQuery(query ? { ...(appointmentId !== null ? { id: appointmentId } : {}), ...query } : { id: 0 }, {
    enabled: query !== null,
    placeholderData: (previous) => previous,
  });
  if (!query || !conflicts.data || conflicts.data.length === 0) return null;
  return <OverlapList overlaps={conflicts.data} timeZone={timeZone} />;
}

export function OverlapList({ overlaps, timeZone }: { overlaps: Overlap[]; timeZone: string }) {
  return (
    <Notice tone="warning" title={`The photographer has ${overlaps.length} other appointment${overlaps.length === 1 ? "" : "s"} at this time.`}>
      <ul className="mt-1 list-disc pl-5">
        {overlaps.map((overlap) => (
          <li key={overlap.id}>
            <Link href={`/appointments/${overlap.id}`} className="underline" target="_blank">
              #{overlap.id} {overlap.summary ?? ""}
            </Link>{" "}
            {overlap.startsAt ? formatInstantIn(overlap.startsAt, timeZone) : ""}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
