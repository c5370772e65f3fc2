import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, callerFor, freshDatabase, smallWorld } from "./fixtures";

describe("fixtures", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  it("creates an appointment through the caller", async () => {
    const world = await smallWorld(database);
    const api = callerFor(database, { token: await appToken(database) });
    const { appointment } = await api.appointment.create({ officeId: world.denver.id, dateStartLocal: "2026-07-01", timeStartLocal: "10:00", timeDurationS: 3600 });
    expect(appointment.timeStopLocal).toBe("11:00:00");
    expect(appointment.timeStartUtc).toBe("16:00:00");
  });
});
