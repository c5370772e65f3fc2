import { e2eEnvironment } from "./support/environment";
import { expect, test } from "./support/fixtures";
import { acceptEmailsOn } from "./support/mandrill";

test("a client email that failed is listed in notifications and can be retried", async ({ signedIn: page, db, makeAppointment }) => {
  const { rows } = await db.query('SELECT o.id FROM "order" o JOIN client_record c ON c.id = o.client_id ORDER BY o.id LIMIT 1');
  const appointment = await makeAppointment({ orderId: rows[0].id });

  // Mandrill is unreachable: the confirmation stands, and the scheduler is told the email did not go.
  await page.goto(`/appointments/${appointment.id}`);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByText(/The change was saved, but the client email could not be sent/)).toBeVisible();
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
});
