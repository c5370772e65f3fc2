/**
 * Applications and their roles are reference data defined in code
 * (@plano/schema's permission matrix); this makes the database match it.
 * Idempotent; run at start-up and by the seed.
 */
import type { Db } from "@plano/db";
import { applicationSlugs, rolePermissions, roleNames } from "@plano/schema";

const applicationNames: Record<(typeof applicationSlugs)[number], string> = {
  planoauth: "Plano Auth",
  planoorder: "Plano Order",
  planox2: "Plano X2",
};

export async function syncReferenceData(db: Db): Promise<void> {
  for (const slug of applicationSlugs) {
    const application = await db.application.upsert({
      where: { slug },
      create: { slug, name: applicationNames[slug] },
      update: {},
    });
    for (const name of roleNames) {
      const permissions = [...rolePermissions[name]];
      await db.role.upsert({
        where: { applicationId_name: { applicationId: application.id, name } },
        create: { applicationId: application.id, name, permissions },
        update: { permissions },
      });
    }
  }
}
