import { appointmentFields } from "@plano/schema";
import { expect, test } from "./support/fixtures";

test("the legacy API reference lists every appointment parameter, its type and the statuses", async ({ signedIn: page }) => {
  await page.goto("/reference");
  const update = page.getByRole("region", { name: "Update an appointment" });
  await expect(update.getByText("POST /api/v1/appointments/update")).toBeVisible();

  for (const field of appointmentFields) {
    const row = update.getByRole("row", { name: new RegExp(`^${field.legacy} `) });
    await expect(row, field.legacy).toHaveCount(1);
    await expect(row.getByRole("cell").first()).toHaveText(field.type);
  }
  await expect(update.getByRole("row", { name: /^updated_at_mt / })).toContainText("required");
  await expect(update.getByRole("row", { name: /^application / })).toContainText("planoorder");
  await expect(update.getByRole("row", { name: /^session-expired / })).toContainText("401");
  await expect(update.getByRole("row", { name: /^no-params-decoded / })).toContainText("Uncommon");
  await expect(update.getByRole("row", { name: /^update-conflict / })).toContainText("409");
});
