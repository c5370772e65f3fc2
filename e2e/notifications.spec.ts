import { e2eEnvironment } from "./support/environment";
import { expect, test } from "./support/fixtures";
import { acceptEmailsOn } from "./support/mandrill";

test("a client email that failed is listed in notifications and can be retried", async ({ signedIn: page, db, makeAppointment }) => {
  const { rows } = await db.query('SELECT o.id FROM "order" o JOIN client_record c ON c.id = o.client_id ORDER BY o.id LIMIT 1');
  const appointment = await makeAppointment({ orderId: rows[0].id });

  // Mandrill is unreachable: the confirmation stands, and the scheduler is told the email did not go.
  await page.goto(`/appointments/${appointment.id}`);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByText(/The change was saved, but an email about it could not be sent/)).toBeVisible();
  await expect(page.locator("h1").locator("..").getByText("Confirmed", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Notifications" }).click();
  const notice = page.getByTestId("notification").filter({ has: page.getByRole("link", { name: `Appointment #${appointment.id}` }) });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("failed");

  await notice.getByRole("button", { name: "Retry email" }).click();
  await expect(notice.getByText(/The email still could not be sent/)).toBeVisible();

  const mandrill = await acceptEmailsOn(e2eEnvironment().mandrillPort);
  try {
    await notice.getByRole("button", { name: "Retry email" }).click();
    await expect(notice.getByText("Resolved")).toBeVisible();
    // Wording and state agree: a resolved notice no longer says the email could not be sent.
    await expect(notice).toContainText(`The client email for appointment #${appointment.id} was sent`);
    await expect(notice).not.toContainText("could not be sent");
    expect(mandrill.received).toBe(1);
  } finally {
    await mandrill.close();
  }
  const { rows: stored } = await db.query("SELECT resolved_at FROM notification WHERE appointment_id = $1", [appointment.id]);
  expect(stored[0].resolved_at).not.toBeNull();

  // The appointment's mail log tells the same story: the confirmation went out on its third attempt.
  await page.goto(`/appointments/${appointment.id}`);
  await page.getByRole("tab", { name: "Mail" }).click();
  const email = page.getByTestId("mail-entry");
  await expect(email).toHaveCount(1);
  await expect(email).toContainText(/^sentretriedConfirmed:/);
  await expect(email).toContainText("3 attempts");
  await page.screenshot({ path: test.info().outputPath("mail-log-1440.png") });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: test.info().outputPath("mail-log-375.png"), fullPage: true });
});

test("the Status section's Confirmed checkbox confirms like the Confirm button: the client is emailed", async ({ signedIn: page, db, makeAppointment }) => {
  const { rows } = await db.query('SELECT o.id FROM "order" o JOIN client_record c ON c.id = o.client_id ORDER BY o.id LIMIT 1');
  const appointment = await makeAppointment({ orderId: rows[0].id });
  await page.goto(`/appointments/${appointment.id}`);
  // Mandrill is unreachable in these tests: the save stands, and the form says the email failed.
  await page.getByRole("checkbox", { name: /^Confirmed/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/The change was saved, but an email about it could not be sent/)).toBeVisible();
  const { rows: stored } = await db.query("SELECT confirmed, confirmed_by FROM appointment WHERE id = $1", [appointment.id]);
  expect(stored[0]).toEqual({ confirmed: true, confirmed_by: "Sam Scheduler" });
  await page.getByRole("tab", { name: "Mail" }).click();
  await expect(page.getByTestId("mail-entry")).toContainText(/^failedConfirmed:/);
  await expect(page.getByTestId("mail-entry")).toContainText("Mandrill could not be reached");
  await page.screenshot({ path: test.info().outputPath("mail-log-failed-1440.png"), fullPage: true });
});
