import { applicationSlugs, roleNames, rolePermissions } from "@plano/schema";
import { createTestDatabase, type TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { syncReferenceData } from "../src/auth/reference-data";

// Several API processes may start at once against a new database (a scale-out
// deploy, the tests' second stack); start-up must not fail on a unique key.
describe("reference data at start-up", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject("templateDatabase"), { poolSize: 12 });
  });
  afterAll(() => database.drop());

  it("survives many processes syncing an empty database at once and leaves exactly one row per application and role", async () => {
    const runs = await Promise.allSettled(Array.from({ length: 12 }, () => syncReferenceData(database.db)));
    expect(runs.filter((run) => run.status === "rejected")).toEqual([]);

    const applications = await database.db.application.findMany({ include: { roles: true } });
    expect(applications.map((application) => application.slug).sort()).toEqual([...applicationSlugs].sort());
    for (const application of applications) {
      expect(application.roles.map((role) => role.name).sort()).toEqual([...roleNames].sort());
      for (const role of application.roles) {
        expect(role.permissions).toEqual([...rolePermissions[role.name as (typeof roleNames)[number]]]);
      }
    }
  });

  it("brings a changed role's permissions back to the code's matrix", async () => {
    await database.db.role.updateMany({ data: { permissions: ["nothing:at-all"] } });
    await syncReferenceData(database.db);
    const roles = await database.db.role.findMany();
    for (const role of roles) {
      expect(role.permissions).toEqual([...rolePermissions[role.name as (typeof roleNames)[number]]]);
    }
  });
});
