/**
 * Which change events a subscription hears: its office, dates and id
 * filters, then the caller's visibility. A change that moves a record out of
 * the filter (another office, another day, another photographer) still
 * reaches whoever watched it there, so a board can take the block away.
 */
import type { AppointmentChangeEvent, AppointmentChangesInput } from "@plano/schema";
import { canSee, type ReadScope } from "../auth/principal";
import type { StoredChange } from "./change-events";

type Filter = Pick<AppointmentChangesInput, "officeId" | "dateFrom" | "dateTo" | "id">;
type Snapshot = {
  officeId?: number;
  photographerUserId?: number | null;
  dateStartLocal?: string | null;
  dateStartOffice?: string | null;
  dateStopLocal?: string | null;
  dateStopOffice?: string | null;
};

function inFilter(filter: Filter, snapshot: Snapshot): boolean {
  if (filter.officeId !== undefined && snapshot.officeId !== filter.officeId) return false;
  if (filter.dateFrom !== undefined || filter.dateTo !== undefined) {
    const from = filter.dateFrom ?? "0000-01-01";
    const to = filter.dateTo ?? "9999-12-31";
    // Local or office days, start to stop: a shoot over several days is in every range it runs into.
    const spans = [
      [snapshot.dateStartLocal, snapshot.dateStopLocal ?? snapshot.dateStartLocal],
      [snapshot.dateStartOffice, snapshot.dateStopOffice ?? snapshot.dateStartOffice],
    ];
    if (!spans.some(([start, stop]) => typeof start === "string" && start <= to && (stop ?? start) >= from)) return false;
  }
  return true;
}

/** The event this subscriber should get for a change, or null for none. */
export function eventFor(change: StoredChange, filter: Filter, scope: ReadScope): AppointmentChangeEvent | null {
  if (filter.id !== undefined && change.appointmentId !== filter.id) return null;
  const now: Snapshot = change.appointment ?? {};
  const before: Snapshot = { ...now, ...change.before };
  if (!inFilter(filter, now) && !inFilter(filter, before)) return null;

  const visibleNow =
    change.appointment !== null && canSee(scope, { photographerUserId: change.appointment.photographerUserId, orderClientId: change.orderClientId });
  // The photographer it was taken from learns only that it is no longer theirs.
  const visibleBefore = scope.all || (scope.photographerUserId !== null && change.before.photographerUserId === scope.photographerUserId);
  if (!visibleNow && !visibleBefore) return null;

  return eventsOf(change)[visibleNow ? "withRecord" : "withoutRecord"];
}

/**
 * The two events a change can become (with the record, or without it for a
 * caller who may no longer see it), built once per change and shared by every
 * subscriber that gets it: the output check and serialisation then run once
 * per event, not once per subscriber (tracked-output.ts). Frozen, as they are shared.
 */
const built = new WeakMap<StoredChange, { withRecord: AppointmentChangeEvent; withoutRecord: AppointmentChangeEvent }>();

function eventsOf(change: StoredChange) {
  let events = built.get(change);
  if (!events) {
    const event = (appointment: AppointmentChangeEvent["appointment"]): AppointmentChangeEvent =>
      Object.freeze({
        kind: "change",
        id: change.id,
        appointmentId: change.appointmentId,
        action: change.action,
        actor: change.actor,
        actorUserId: change.actorUserId,
        channel: change.channel,
        fields: change.fields,
        appointment,
      });
    events = { withRecord: event(change.appointment), withoutRecord: event(null) };
    built.set(change, events);
  }
  return events;
}
