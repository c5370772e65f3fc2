/**
 * Subscribers that hear a change get one shared event object per visibility
 * (so tracked-output.ts checks it once): the record for whoever may see it,
 * null for the photographer it was taken from.
 */
import type { Appointment } from "@plano/schema";
import { describe, expect, it } from "vitest";
import type { StoredChange } from "./change-events";
import { eventFor } from "./subscription-filter";

const change: StoredChange = {
  id: 11,
  appointmentId: 5,
  action: "update",
  actor: "test",
  actorUserId: null,
  channel: "trpc",
  fields: ["photographerUserId"],
  before: { photographerUserId: 3 },
  appointment: { id: 5, officeId: 1, photographerUserId: 4, dateStartLocal: "2026-07-01", dateStartOffice: "2026-07-01" } as Appointment,
  orderClientId: null,
};
const all = { all: true } as const;
const photographer = (id: number) => ({ all: false, photographerUserId: id, clientId: null }) as const;

describe("eventFor", () => {
  it("hands every subscriber that may see the record the same frozen event", () => {
    const a = eventFor(change, { officeId: 1 }, all);
    const b = eventFor(change, { dateFrom: "2026-07-01", dateTo: "2026-07-01" }, photographer(4));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ kind: "change", id: 11, appointmentId: 5, appointment: change.appointment });
  });

  it("hands the photographer it was taken from the event without the record, shared too", () => {
    const a = eventFor(change, {}, photographer(3));
    expect(a).toMatchObject({ id: 11, appointment: null });
    expect(eventFor(change, { officeId: 1 }, photographer(3))).toBe(a);
    expect(eventFor(change, {}, photographer(9))).toBeNull();
    expect(eventFor(change, { officeId: 2 }, all)).toBeNull();
  });
});
