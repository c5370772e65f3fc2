import { startWebhookReceiver } from "@plano/testing/webhook-receiver";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./support/fixtures";

test("a scheduler subscribes a receiver, sees its delivery log, redelivers, and deletes it", async ({ signedIn: page, makeAppointment }) => {
  test.slow(); // a delivery, a redelivery and a deletion, each waited for
  const receiver = await startWebhookReceiver();
  try {
    await page.goto("/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" })).toBeVisible();

    const form = page.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Receiver URL").fill(receiver.url("/ok"));
    await form.getByLabel("Updated (any change)").uncheck();
    await form.getByRole("button", { name: "Create webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const item = page.getByTestId("webhook").filter({ hasText: receiver.url("/ok") });
    await expect(item).toContainText("appointment.created");

    const appointment = await makeAppointment();
    await expect.poll(() => receiver.received.length).toBe(1);
    const [message] = receiver.received;
    // The receiver checks it with the Standard Webhooks reference implementation and the secret the page showed once.
    const payload = new Webhook(secret).verify(message!.body, message!.headers) as { type: string; data: { appointmentId: number } };
    expect(payload).toMatchObject({ type: "appointment.created", data: { appointmentId: appointment.id } });

    await item.getByRole("button", { name: "Delivery log" }).click();
    const attempt = item.getByTestId("delivery-attempt").first();
    await expect(attempt).toContainText("200 delivered");
    await expect(attempt).toContainText(`#${appointment.id}`);
    await attempt.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(message!.headers["webhook-id"]);

    page.once("dialog", (dialog) => void dialog.accept());
    await item.getByRole("button", { name: "Delete" }).click();
    await expect(item).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test("a private receiver address is refused with the field named", async ({ signedIn: page }) => {
  await page.goto("/webhooks");
  const form = page.getByRole("form", { name: "New webhook" });
  await form.getByLabel("Receiver URL").fill("http://10.1.2.3/hook");
  await form.getByRole("button", { name: "Create webhook" }).click();
  await expect(form.getByText(/10\.1\.2\.3 is private/)).toBeVisible();
  await expect(page.getByTestId("webhook").filter({ hasText: "10.1.2.3" })).toHaveCount(0);
});
