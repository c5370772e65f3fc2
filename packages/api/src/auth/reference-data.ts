/**
 * Applications and their roles are reference data defined in code
 * (@plano/schema's permission matrix); this makes the database match it.
 * Idempotent and safe to run from many processes at once; run at start-up and by the seed.
 */
import type { Db } from "@plano/db";
import { applicationSlugs, rolePermissions, roleNames } from "@plano/schema";
import { ensureApplication, ensureRole } from "../store/reference-data";

const applicationNames: Record<(typeof applicationSlugs)[number], string> = {
  planoauth: "Plano Auth",
  planoorder: "Plano Order",
  planox2: "Plano X2",
};

export async function syncReferenceData(db: Db): Promise<void> {
  for (const slug of applicationSlugs) {
    const applicationId = await ensureApplication(db, slug, applicationNames[slug]);
    for (const name of roleNames) await ensureRole(db, applicationId, name, rolePermissions[name]);
  }
}
