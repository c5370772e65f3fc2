/**
 * REST is only another door to the same procedures: the same update sent
 * through /api/v1 (as FileMaker spells it) and through the tRPC caller must
 * leave identical rows and identical audit entries, or fail the same way.
 */
import { describeError } from "@plano/api";
import { appointmentFields, legacyName, type AppointmentPatch } from "@plano/schema";
import { formatLegacyDate } from "../src/params/legacy-values";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, testClock } from "@plano/testing/fixtures";
import { type LegacyWorld, openLegacyWorld, send } from "./harness";

const clock = testClock(new Date("2026-06-15T15:00:00Z"));
let { database, world, token, server, close } = {} as LegacyWorld;
const api = () => callerFor(database, { token, clock: clock.now });
beforeAll(async () => ({ database, world, token, server, close } = await openLegacyWorld(clock.now)));
afterAll(() => close());

const start = { dateStartLocal: "2026-07-01", timeStartLocal: "10:00", timeDurationS: 3600, notes: "Gate code 1234", optional: true };

/** Two identical appointments, created the same way at the same instant. */
async function twins() {
  const first = await api().appointment.create({ officeId: world.denver.id, ...start });
  const second = await api().appointment.create({ officeId: world.denver.id, ...start });
  return [first.appointment, second.appointment] as const;
}

/** The row without what necessarily differs between two rows. */
async function comparableRow(id: number) {
  const { id: _id, uuid: _uuid, createdAt: _created, updatedAt: _updated, ...row } = await database.db.appointment.findUniqueOrThrow({ where: { id } });
  return row;
}

async function lastAuditEntry(appointmentId: number) {
  const { action, actor, application, changes } = await database.db.appointmentChange.findFirstOrThrow({
    where: { appointmentId },
    orderBy: { id: "desc" },
  });
  return { action, actor, application, changes };
}

/** How FileMaker writes an API value: text, 1/0 or yes/no, US dates, 12-hour times, "" for null. */
interface Spelling {
  monthFirst: boolean;
  booleans: "digits" | "words";
  twelveHour: boolean;
}

function spell(key: string, value: unknown, spelling: Spelling): string {
  const type = appointmentFields.find((field) => field.key === key)?.type;
  if (value === null) return "";
  if (type === "boolean") return spelling.booleans === "digits" ? (value ? "1" : "0") : value ? "Yes" : "no";
  if (type === "date") return formatLegacyDate(String(value), { monthFirst: spelling.monthFirst });
  if (type === "time" && spelling.twelveHour) {
    const [hour, minute] = String(value).split(":").map(Number) as [number, number];
    return `${hour % 12 || 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"}`;
  }
  return String(value);
}

function restParams(patch: AppointmentPatch, spelling: Spelling): Record<string, string> {
  const params: Record<string, string> = spelling.monthFirst ? { month_first: "1" } : {};
  for (const [key, value] of Object.entries(patch)) params[legacyName(key)] = spell(key, value, spelling);
  return params;
}

async function updateBothWays(patch: AppointmentPatch, spelling: Spelling) {
  const [viaRest, viaTrpc] = await twins();
  const rest = await send(
    server.url,
    "/api/v1/appointments/update",
    { token, id: String(viaRest.id), updated_at_mt: viaRest.updatedAtMt, ...restParams(patch, spelling) },
    { encoding: "form" },
  );
  const trpc = await api()
    .appointment.update({ id: viaTrpc.id, updatedAtMt: viaTrpc.updatedAtMt, patch })
    .then(
      () => undefined,
      (error: unknown) => describeError(error) ?? error,
    );
  return { rest, trpcFailure: trpc, ids: [viaRest.id, viaTrpc.id] as const };
}

async function expectSameOutcome(patch: AppointmentPatch, spelling: Spelling) {
  const { rest, trpcFailure, ids } = await updateBothWays(patch, spelling);
  if (trpcFailure === undefined) {
    expect(rest.body).toMatchObject({ status: "action-successful" });
  } else {
    const { message } = trpcFailure as { message: string };
    expect({ http: rest.http, message: rest.body.message }).toEqual({ http: 400, message: expect.stringContaining(message) });
  }
  expect(await comparableRow(ids[0])).toEqual(await comparableRow(ids[1]));
  expect(await lastAuditEntry(ids[0])).toEqual(await lastAuditEntry(ids[1]));
}

const spellings = fc.record({ monthFirst: fc.boolean(), booleans: fc.constantFrom("digits" as const, "words" as const), twelveHour: fc.boolean() });

describe("REST and tRPC parity", () => {
  it("a FileMaker-spelled update leaves the same row and audit entry as the tRPC update", async () => {
    const patch: AppointmentPatch = {
      dateStartLocal: "2026-07-05",
      timeStartLocal: "15:15:00",
      timeDurationS: 7200,
      notes: null,
      optional: false,
      readyToSchedule: true,
      photographerUserId: world.ann.id,
      summary: "Back garden",
      windowTimeStart: 480,
      requestedDate: "2026-07-04",
    };
    await expectSameOutcome(patch, { monthFirst: true, booleans: "digits", twelveHour: true });
    const [viaRest] = (await database.db.appointment.findMany({ orderBy: { id: "desc" }, take: 2 })).reverse();
    expect(viaRest).toMatchObject({ notes: null, summary: "Back garden", photographerName: "Ann Photographer" });
    expect(await lastAuditEntry(viaRest!.id)).toMatchObject({ action: "update", changes: { notes: { before: "Gate code 1234", after: null } } });
  });

  it("holds for generated updates, including ones the API refuses", async () => {
    const two = (n: number) => String(n).padStart(2, "0");
    const clock24 = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${two(h)}:${two(m)}:00`);
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-07-${two(d)}`);
    const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0);
    // Mostly coherent schedules (the API refuses most random combinations), some deliberately not.
    const schedules = fc.oneof(
      fc.constant({}),
      fc.record({ dateStartLocal: day, timeStartLocal: clock24, timeDurationS: fc.integer({ min: 0, max: 86_400 }) }),
      fc.record({
        allday: fc.constant(true),
        dateStartLocal: day,
        dateStopLocal: day,
        timeStartLocal: fc.constant(null),
        timeStopLocal: fc.constant(null),
        timeDurationS: fc.constant(null),
      }),
      fc.record({ dateStopLocal: fc.option(day), timeStopLocal: fc.option(clock24), allday: fc.boolean() }, { requiredKeys: [] }),
    );
    const others = fc.record(
      {
        timeZoneLocal: fc.constantFrom("America/Denver", "Europe/Berlin", "Asia/Kolkata"),
        officeId: fc.constantFrom(world.denver.id, world.berlin.id),
        photographerUserId: fc.option(fc.constantFrom(world.ann.id, world.bob.id)),
        confirmed: fc.boolean(),
        cancelled: fc.boolean(),
        optional: fc.boolean(),
        readyToSchedule: fc.boolean(),
        notes: fc.option(text),
        location: fc.option(text),
        windowTimeStart: fc.option(fc.integer({ min: 0, max: 1440 })),
        windowTimeEnd: fc.option(fc.integer({ min: 0, max: 1440 })),
        requestedDate: fc.option(day),
        requestedTime: fc.option(clock24),
        orderRequestId: fc.option(fc.integer({ min: 1, max: 2_000_000_000 })),
      },
      { requiredKeys: [] },
    );
    const patches = fc.tuple(schedules, others).map(([schedule, rest]): AppointmentPatch => ({ ...schedule, ...rest }));
    await fc.assert(
      fc.asyncProperty(patches, spellings, (patch, spelling) => expectSameOutcome(patch, spelling)),
      { numRuns: 60 },
    );
  });
});
