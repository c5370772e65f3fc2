/**
 * Runs once per `vitest run`: migrates a template database that each test file
 * clones (see @plano/db/test-database), and drops it when the run ends.
 */
import type { TestProject } from "vitest/node";
import { createMigratedDatabase, dropDatabase } from "@plano/testing/database";

export default async function setup(project: TestProject) {
  const template = await createMigratedDatabase(undefined, "plano_template");
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(template);
  };
}
