import { expect, openAllFields, storedAppointment, test } from "./support/fixtures";

test("creating an appointment derives its stop and opens it", async ({ signedIn: page, db, officeId }) => {
  await page.goto("/appointments");
  await page.getByRole("link", { name: "New appointment" }).click();
  await expect(page.getByRole("heading", { name: "New appointment" })).toBeVisible();

  // Nothing chosen yet: the form says what it needs.
  await page.getByRole("button", { name: "Create appointment" }).click();
  await expect(page.getByText("choose an office to see the office and UTC times")).toBeVisible();

  await page.getByRole("combobox", { name: /^Office/ }).selectOption(String(await officeId("Phoenix")));
  await page.getByLabel("Start date", { exact: true }).fill("2027-02-01");
  await page.getByLabel("Start time", { exact: true }).fill("09:15");
  await page.getByLabel("Duration (H:MM)").fill("1:45");
  // Phoenix keeps MST (UTC-7) all year.
  await expect(page.getByTestId("derived-stop")).toContainText("Ends 11:00 (America/Phoenix, MST)");
  await openAllFields(page);
  await expect(page.getByLabel("Stop time (local)")).toHaveValue("11:00");
  await expect(page.getByLabel("Start time (UTC)")).toHaveValue("16:15");
  await page.getByLabel("Summary").fill("Drone aerials for the new listing");
  await page.getByRole("button", { name: "Create appointment" }).click();

  await expect(page).toHaveURL(/\/appointments\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));
  await expect(page.getByRole("heading", { name: `Appointment #${id}` })).toContainText("Drone aerials for the new listing");
  expect(await storedAppointment(db, id)).toMatchObject({
    summary: "Drone aerials for the new listing",
    time_zone_local: "America/Phoenix",
    date_start_local: "2027-02-01",
    time_stop_local: "11:00:00",
    time_start_utc: "16:15:00",
    created_by: "Sam Scheduler",
  });
});
