/**
 * Rows read with `apiText` (date, time and instant columns as the API's text,
 * store/client.ts) must make exactly the appointment JSON that rows read as
 * Prisma's `$queryRaw` gives them make, for every kind of value a column can
 * hold: the ones the API writes and the ones only a row repaired by hand has
 * (infinity, BC, years outside 1900–9999, 24:00:00, fractions of a second).
 */
import { Prisma } from "@plano/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "@plano/testing/fixtures";
import { toAppointment } from "../domain/appointment-record";
import { appointmentColumns, appointmentOfRow, withOffice, type AppointmentScalars, type AppointmentTextScalars } from "./appointment-columns";
import { rows } from "./client";

/** Hand-made values per column kind, as PostgreSQL takes them. */
const dates = ["2026-03-29", "1900-01-01", "9999-12-31", "1899-12-31", "0044-03-15 BC", "10000-01-01", "infinity", "-infinity"];
const times = ["01:30:00", "00:00:00", "23:59:59", "24:00:00"];
const instants = [
  "2026-03-29 01:30:00.123+00",
  "2026-03-29 01:30:00+00",
  "2026-03-29 01:30:00.1+00",
  "2026-03-29 01:30:00.12+00",
  "2026-03-29 03:30:00.5+02",
  "1900-01-01 00:00:00+00",
  "1899-12-31 23:59:59.999+00",
  "9999-12-31 23:59:59.999+00",
  "10000-01-01 00:00:00+00",
  "0044-03-15 12:00:00+00 BC",
  "infinity",
  "-infinity",
];

describe("rows read as the API's text", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const ids: number[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    const world = await smallWorld(database);
    const api = callerFor(database, { token: await appToken(database) });
    const { appointment } = await api.appointment.create({
      officeId: world.berlin.id,
      photographerUserId: world.ann.id,
      dateStartLocal: "2026-03-29",
      timeStartLocal: "01:30",
      timeDurationS: 5400,
      requestedDate: "2026-03-27",
      requestedTime: "09:15",
    });
    await api.appointment.confirm({ id: appointment.id });
    ids.push(appointment.id, (await api.appointment.create({ officeId: world.denver.id })).appointment.id);
    // One more row per hand-made value, each kind in every column of that kind.
    const count = Math.max(dates.length, times.length, instants.length);
    for (let i = 0; i < count; i++) {
      const [row] = await database.db.$queryRaw<{ id: number }[]>`
        INSERT INTO appointment (uuid, office_id, time_zone_local, date_start_local, date_stop_office, requested_date, window_date_end,
                                 time_start_local, time_stop_utc, requested_time, confirmed_at, starts_at, stops_at, created_at, updated_at)
        VALUES (gen_random_uuid(), ${world.berlin.id}, 'Europe/Berlin', ${dates[i % dates.length]}::date, ${dates[(i + 1) % dates.length]}::date,
                ${dates[(i + 2) % dates.length]}::date, ${dates[(i + 3) % dates.length]}::date,
                ${times[i % times.length]}::time, ${times[(i + 1) % times.length]}::time, ${times[(i + 2) % times.length]}::time,
                ${instants[i % instants.length]}::timestamptz, ${instants[(i + 1) % instants.length]}::timestamptz,
                ${instants[(i + 2) % instants.length]}::timestamptz, ${instants[(i + 3) % instants.length]}::timestamptz,
                ${instants[i % instants.length]}::timestamptz)
        RETURNING id`;
      ids.push(row!.id);
    }
  });
  afterAll(() => database.drop());

  const query = () => Prisma.sql`
    SELECT ${appointmentColumns}, o.time_zone AS "officeTimeZone"
      FROM appointment a JOIN office o ON o.id = a.office_id
     WHERE a.id = ANY(${ids}::int[]) ORDER BY a.id`;

  /** `toAppointment` throws where `updatedAt` has no ISO spelling (infinity): the same error either way. */
  const answer = (build: () => unknown) => {
    try {
      return JSON.stringify(build());
    } catch (error) {
      return `throws ${String(error)}`;
    }
  };

  it("make the same appointment JSON as Prisma's $queryRaw rows, byte for byte", async () => {
    const asText = await rows<AppointmentTextScalars & { officeTimeZone: string }>(database.db, query(), { apiText: true });
    const viaPrisma = await database.db.$queryRaw<(AppointmentScalars & { officeTimeZone: string })[]>(query());
    expect(asText).toHaveLength(ids.length);
    const expected = viaPrisma.map((row) => answer(() => toAppointment(withOffice(row))));
    // Only an updated_at with no ISO spelling throws (infinity, -infinity, BC, year 10000): the rest are answers.
    expect(expected.filter((json) => json.startsWith("{"))).toHaveLength(ids.length - 4);
    // The general conversion, and the board's (no copy into Prisma's shape first).
    expect(asText.map((row) => answer(() => toAppointment(withOffice(row))))).toEqual(expected);
    expect(asText.map((row) => answer(() => appointmentOfRow(row)))).toEqual(expected);
    // And the common values really came as text (the point of the option).
    expect(typeof asText[0]!.dateStartLocal).toBe("string");
    expect(typeof asText[0]!.timeStartLocal).toBe("string");
    expect(typeof asText[0]!.startsAt).toBe("string");
  });
});
