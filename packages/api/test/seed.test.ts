import { seed } from "@plano/db/seed";
import { deriveSchedule } from "@plano/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase } from "@plano/testing/fixtures";

/**
 * The bulk seed derives office/UTC columns in SQL for speed. They must be what
 * the domain rule derives, or seeded data would disagree with edited data.
 */
describe("the bulk seed", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  it("writes appointments whose derived times, audit entries and search text match the domain's", async () => {
    // A spread that crosses the US and EU DST changes of March 2027.
    const counts = await seed(database.db, { appointments: 300, photographersPerOffice: 2, clients: 5, from: new Date("2027-03-01T00:00:00Z") });
    expect(counts.appointments).toBe(300);
    const api = callerFor(database, { token: await appToken(database) });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.appointment.list({ limit: 200, cursor });
      for (const appointment of page.appointments) {
        seen.push(appointment.id);
        const derived = deriveSchedule(
          null,
          { dateStartLocal: appointment.dateStartLocal, timeStartLocal: appointment.timeStartLocal, timeDurationS: appointment.timeDurationS },
          { timeZoneLocal: appointment.timeZoneLocal, officeTimeZone: appointment.officeTimeZone },
        );
        if (!derived.ok) throw new Error(`seeded appointment ${appointment.id} is not derivable: ${derived.issues[0]?.message}`);
        const { startsAt, stopsAt, ...fields } = derived.value;
        expect(appointment).toMatchObject(fields);
        expect(appointment.startsAt).toBe(startsAt?.toISOString());
        expect(appointment.stopsAt).toBe(stopsAt?.toISOString());
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(300);
    expect(await database.db.appointmentChange.count({ where: { action: "create" } })).toBe(300);
    const photographed = await database.db.appointment.findFirstOrThrow({ where: { photographerName: { not: null } } });
    expect(photographed.searchText).toContain(photographed.photographerName!.toLowerCase());
  });
});
