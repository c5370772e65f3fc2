/**
 * `planAppointmentWrite` directly, rule by rule: what a create stamps, how the
 * schedule is derived across zones, and the contradictions it refuses naming
 * the fields. Expected instants come from the IANA zone rules (Denver is UTC-6
 * in summer, UTC-7 in winter; Berlin UTC+2 in summer), not from our own code.
 */
import { describe, expect, it } from "vitest";
import { planoErrorOf } from "../errors";
import type { AppointmentState } from "./appointment-state";
import { planAppointmentWrite, type WriteEnvironment } from "./plan-write";

const denver = { id: 1, timeZone: "America/Denver" };
const berlin = { id: 2, timeZone: "Europe/Berlin" };
const env: WriteEnvironment = { now: new Date("2026-06-15T15:00:00Z"), actor: "planoorder", origin: "rest:planoorder" };

/** The field a refusal names, and the fields it lists. */
function refusal(write: () => unknown): { field: unknown; fields: unknown } {
  try {
    write();
  } catch (error) {
    const details = planoErrorOf(error)?.details;
    return { field: details?.field, fields: details?.fields };
  }
  throw new Error("the write was accepted");
}

describe("a create", () => {
  const created = planAppointmentWrite(null, { dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", timeDurationS: 5400 }, { office: denver }, env);

  it("stamps who created it and through which door, and who saved it", () => {
    expect(created).toMatchObject({ createdBy: "planoorder", createdIn: "rest:planoorder", updatedBy: "planoorder" });
  });

  it("takes a sender's own names for created_by / updated_by (FileMaker sends its operator)", () => {
    const named = planAppointmentWrite(
      null,
      { dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", createdBy: "Jane", updatedBy: "Jane" },
      { office: denver },
      env,
    );
    expect(named).toMatchObject({ createdBy: "Jane", updatedBy: "Jane", createdIn: "rest:planoorder" });
  });

  it("starts in the office's zone and derives the other clocks from the local one", () => {
    // 10:00 MDT (UTC-6) is 16:00 UTC; 90 minutes later is 11:30 local.
    expect(created).toMatchObject({ timeZoneLocal: "America/Denver", officeTimeZone: "America/Denver", timeStopLocal: "11:30:00", timeStartUtc: "16:00:00" });
    expect([created.startsAt, created.stopsAt]).toEqual(["2026-07-01T16:00:00.000Z", "2026-07-01T17:30:00.000Z"]);
  });

  it("is neither confirmed nor cancelled unless told", () => {
    expect(created).toMatchObject({ confirmed: false, confirmedAt: null, confirmedBy: null, cancelled: false, sameDayCancel: false });
  });
});

describe("zones", () => {
  it("keeps the office clock in the office's zone when the shoot is elsewhere", () => {
    // A Denver office booking a Berlin shoot at 09:00 CEST (UTC+2): 07:00 UTC, 01:00 MDT at the office.
    const next = planAppointmentWrite(
      null,
      { dateStartLocal: "2026-07-01", timeStartLocal: "09:00:00", timeZoneLocal: "Europe/Berlin", timeDurationS: 3600 },
      { office: denver },
      env,
    );
    expect(next).toMatchObject({ timeStartUtc: "07:00:00", timeStartOffice: "01:00:00", dateStartOffice: "2026-07-01", timeStopLocal: "10:00:00" });
  });

  it("follows daylight saving time: the same wall clock in January is an hour later in UTC", () => {
    const winter = planAppointmentWrite(null, { dateStartLocal: "2026-01-15", timeStartLocal: "10:00:00", timeDurationS: 3600 }, { office: denver }, env);
    expect(winter.startsAt).toBe("2026-01-15T17:00:00.000Z");
  });

  it("moving to another office restates the office clock, not the shoot's", () => {
    const stored = planAppointmentWrite(null, { dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", timeDurationS: 3600 }, { office: denver }, env);
    const moved = planAppointmentWrite(stored, { officeId: berlin.id }, { office: berlin }, env);
    // 10:00 MDT = 16:00 UTC = 18:00 CEST.
    expect(moved).toMatchObject({ officeId: 2, timeStartLocal: "10:00:00", timeStartOffice: "18:00:00", startsAt: "2026-07-01T16:00:00.000Z" });
  });
});

describe("cancelling", () => {
  const stored = planAppointmentWrite(null, { dateStartLocal: "2026-06-15", timeStartLocal: "16:00:00", timeDurationS: 3600 }, { office: denver }, env);

  it("counts as same-day when it is that date where the shoot is", () => {
    // 15:00 UTC on June 15th is 09:00 in Denver: the shoot's own day.
    expect(planAppointmentWrite(stored, { cancelled: true, cancelReason: "Rain" }, { office: denver }, env)).toMatchObject({
      cancelled: true,
      sameDayCancel: true,
      cancelReason: "Rain",
    });
  });

  it("is not same-day when the shoot's date has not come yet there", () => {
    // 03:00 UTC on June 15th is still June 14th (21:00) in Denver.
    const early = { ...env, now: new Date("2026-06-15T03:00:00Z") };
    expect(planAppointmentWrite(stored, { cancelled: true }, { office: denver }, early).sameDayCancel).toBe(false);
  });

  it("takes a changed same_day_cancel as sent; the stored value sent back along (a whole layout) says nothing", () => {
    const early = { ...env, now: new Date("2026-06-15T03:00:00Z") };
    expect(planAppointmentWrite(stored, { cancelled: true, sameDayCancel: true }, { office: denver }, early).sameDayCancel).toBe(true);
    expect(planAppointmentWrite(stored, { cancelled: true, sameDayCancel: false }, { office: denver }, env).sameDayCancel).toBe(true);
  });

  it("reactivating clears the cancellation's details", () => {
    const cancelled = planAppointmentWrite(stored, { cancelled: true, cancelReason: "Rain", onSiteCancel: true }, { office: denver }, env);
    expect(planAppointmentWrite(cancelled as AppointmentState, { cancelled: false }, { office: denver }, env)).toMatchObject({
      cancelled: false,
      cancelReason: null,
      sameDayCancel: false,
      onSiteCancel: false,
    });
  });

  it("refuses cancellation details on an active appointment, naming both fields", () => {
    expect(refusal(() => planAppointmentWrite(stored, { cancelReason: "Rain" }, { office: denver }, env))).toEqual({
      field: "cancelReason",
      fields: ["cancelReason", "cancelled"],
    });
    expect(refusal(() => planAppointmentWrite(stored, { onSiteCancel: true }, { office: denver }, env))).toEqual({
      field: "onSiteCancel",
      fields: ["onSiteCancel", "cancelled"],
    });
  });
});

describe("confirming", () => {
  const stored = planAppointmentWrite(null, { dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", timeDurationS: 3600 }, { office: denver }, env);

  it("stamps the server's time, and unconfirming clears it", () => {
    const confirmed = planAppointmentWrite(stored, { confirmed: true }, { office: denver }, env);
    expect(confirmed).toMatchObject({ confirmedAt: "2026-06-15T15:00:00.000Z", confirmedBy: "planoorder" });
    expect(planAppointmentWrite(confirmed, { confirmed: false }, { office: denver }, env)).toMatchObject({ confirmedAt: null, confirmedBy: null });
  });

  it("keeps the first confirmation's time when saved again confirmed", () => {
    const confirmed = planAppointmentWrite(stored, { confirmed: true }, { office: denver }, env);
    const later = { ...env, now: new Date("2026-06-16T12:00:00Z") };
    expect(planAppointmentWrite(confirmed, { notes: "Gate code 1234" }, { office: denver }, later).confirmedAt).toBe("2026-06-15T15:00:00.000Z");
  });
});

describe("windows and photographers", () => {
  const stored = planAppointmentWrite(null, { dateStartLocal: "2026-07-01", timeStartLocal: "10:00:00", timeDurationS: 3600 }, { office: denver }, env);

  it("refuses a time window that ends before it starts, naming both ends", () => {
    expect(refusal(() => planAppointmentWrite(stored, { windowTimeStart: 600, windowTimeEnd: 540 }, { office: denver }, env))).toEqual({
      field: "windowTimeEnd",
      fields: ["windowTimeStart", "windowTimeEnd"],
    });
  });

  it("refuses a date window that ends before it starts", () => {
    expect(refusal(() => planAppointmentWrite(stored, { windowDateStart: "2026-07-02", windowDateEnd: "2026-07-01" }, { office: denver }, env)).field).toBe(
      "windowDateEnd",
    );
  });

  it("takes the assigned photographer's name, and refuses another name for them", () => {
    const assigned = planAppointmentWrite(stored, { photographerUserId: 7 }, { office: denver, photographer: { id: 7, name: "Ann Photographer" } }, env);
    expect(assigned).toMatchObject({ photographerUserId: 7, photographerName: "Ann Photographer" });
    expect(refusal(() => planAppointmentWrite(assigned, { photographerName: "Bob" }, { office: denver }, env))).toEqual({
      field: "photographerName",
      fields: ["photographerName", "photographerUserId"],
    });
  });

  it("keeps a free-text photographer name when nobody is assigned (legacy shoots)", () => {
    expect(planAppointmentWrite(stored, { photographerName: "Studio partner" }, { office: denver }, env).photographerName).toBe("Studio partner");
  });
});
