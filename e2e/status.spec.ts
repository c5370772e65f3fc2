import { expect, storedAppointment, test } from "./support/fixtures";

test("confirming, then cancelling with a reason, both recorded in the history", async ({ signedIn: page, db, makeAppointment }) => {
  const appointment = await makeAppointment();
  await page.goto(`/appointments/${appointment.id}`);
  const header = page.locator("h1").locator("..");

  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(header.getByText("Confirmed", { exact: true })).toBeVisible();
  expect(await storedAppointment(db, appointment.id)).toMatchObject({ confirmed: true, confirmed_by: "Sam Scheduler" });

  await page.getByRole("button", { name: "Cancel appointment…" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this appointment" });
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(dialog.getByText("reason: a cancellation needs a reason")).toBeVisible();
  expect((await storedAppointment(db, appointment.id)).cancelled).toBe(false);

  await dialog.getByLabel("Reason").fill("Client sold the house");
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(dialog).toBeHidden();
  await expect(header.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByText("Cancellation reason: Client sold the house")).toBeVisible();
  expect(await storedAppointment(db, appointment.id)).toMatchObject({ cancelled: true, cancel_reason: "Client sold the house" });

  await page.getByRole("tab", { name: "History" }).click();
  const entries = page.getByTestId("history-entry");
  await expect(entries).toHaveCount(3);
  // History in words: what happened, by whom, through which door.
  await expect(entries.nth(0)).toContainText("Cancelled (“Client sold the house”) by Sam Scheduler, via the admin");
  await expect(entries.nth(1)).toContainText("Confirmed by Sam Scheduler, via the admin");
  await expect(entries.nth(2)).toContainText("Created by planoorder:e2e, via the planoorder service");
});
