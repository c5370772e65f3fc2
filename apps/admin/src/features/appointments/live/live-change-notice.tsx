"use client";
/**
 * On an open edit page: "Changed by Sam just now" as soon as a colleague's
 * save commits, with the conflict view (or, without edits here, their
 * version) offered before this user saves over it.
 */
import type { Appointment } from "@plano/schema";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { api } from "~/trpc/react";
import { useLiveChanges } from "./use-live-changes";

export interface LiveChange {
  actor: string;
  appointment: Appointment;
}

/** The newest committed version of this appointment, when it is not the one the form started from. */
export function useLiveAppointment(id: number | null, baseVersion: string | null): LiveChange | null {
  const [latest, setLatest] = useState<LiveChange | null>(null);
  const utils = api.useUtils();
  useLiveChanges(id !== null ? { id } : { id: 0 }, {
    enabled: id !== null,
    onEvent: (event) => {
      if (event.kind === "change" && event.appointment) setLatest({ actor: event.actor, appointment: event.appointment });
    },
    // A stream with nothing to resume from: read the record, and who changed it last, again. Straight from the
    // API, not through the page's cache: a failed read (the API gone again) must not replace the page with an
    // error, and the next stream start reads again.
    onGap: () => {
      if (id === null) return;
      Promise.all([utils.client.appointment.byId.query({ id }), utils.client.appointment.history.query({ id })])
        .then(([appointment, history]) =>
          setLatest((known) =>
            known && known.appointment.updatedAtMt >= appointment.updatedAtMt ? known : { actor: history[0]?.actor ?? "someone", appointment },
          ),
        )
        .catch(() => undefined);
    },
  });
  // A save made here brings the form to the same version: nothing to report then.
  if (!latest || latest.appointment.updatedAtMt === baseVersion) return null;
  if (baseVersion && latest.appointment.updatedAtMt < baseVersion) return null;
  return latest;
}

export function LiveChangeNotice({
  change,
  hasEdits,
  onCompare,
  onLoadTheirs,
}: {
  change: LiveChange;
  hasEdits: boolean;
  onCompare: () => void;
  onLoadTheirs: () => void;
}) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      data-testid="live-change"
    >
      <span>
        Changed by <strong>{change.actor}</strong> just now.
        {hasEdits ? " Compare before you save, or your save will be refused." : ""}
      </span>
      {hasEdits ? (
        <Button variant="secondary" onClick={onCompare}>
          Compare with my edits
        </Button>
      ) : (
        <Button variant="secondary" onClick={onLoadTheirs}>
          Show their version
        </Button>
      )}
    </div>
  );
}
