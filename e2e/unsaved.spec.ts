import { expect, storedAppointment, test } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const QUESTION = "You have unsaved changes. Leave this page and lose them?";

test.describe("no lost edits", () => {
  test("an in-app link asks before leaving a dirty form, and staying keeps the edits", async ({ signedIn: page, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("half-written note");

    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("link", { name: "← Appointments" }).click();
    await expect.poll(() => questions).toEqual([QUESTION]);
    await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}$`));
    await expect(page.getByLabel("Notes")).toHaveValue("half-written note");

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("link", { name: "← Appointments" }).click();
    await expect(page).toHaveURL(/\/appointments(\?|$)/);
  });

  test("the back button asks too", async ({ signedIn: page, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto("/appointments");
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("do not lose me");
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goBack();
    await expect.poll(() => questions).toEqual([QUESTION]);
    await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}$`));
    await expect(page.getByLabel("Notes")).toHaveValue("do not lose me");
  });

  test("closing or reloading the tab asks (beforeunload), a clean form does not", async ({ signedIn: page, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    const kinds: string[] = [];
    page.on("dialog", (dialog) => {
      kinds.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    expect(kinds).toEqual([]);
  });

  test("a dirty form's close is held by beforeunload", async ({ signedIn: page, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("unsaved");
    const kinds: string[] = [];
    page.on("dialog", (dialog) => {
      kinds.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => kinds).toEqual(["beforeunload"]);
    expect(page.isClosed()).toBe(false);
  });

  test("a draft survives a reload and is offered back, tied to the version it was based on", async ({ signedIn: page, db, plano, makeAppointment }) => {
    const appointment = await makeAppointment({ notes: "original" });
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("draft that must survive");
    await page.getByLabel("Start time", { exact: true }).fill("12:30");

    // Reload (or a crash): the browser leaves without saving.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByText("You have an unsaved draft of this appointment.")).toBeVisible();
    await expect(page.getByLabel("Notes")).toHaveValue("original");

    // Meanwhile a colleague saves: the draft was based on the older version.
    await plano.appointment.update.mutate({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { location: "Their address" } });
    await page.reload();
    await expect(page.getByText("based on an older version than the one saved now")).toBeVisible();
    await page.getByRole("button", { name: "Restore draft" }).click();
    await expect(page.getByLabel("Notes")).toHaveValue("draft that must survive");
    await expect(page.getByLabel("Start time", { exact: true })).toHaveValue("12:30");

    // Saving against the old version shows both instead of overwriting theirs.
    await page.getByRole("button", { name: "Save changes" }).click();
    const dialog = page.getByRole("dialog", { name: "Someone else saved this appointment" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect(await storedAppointment(db, appointment.id)).toMatchObject({
      notes: "draft that must survive",
      location: "Their address",
      time_start_local: "12:30:00",
    });

    // Saved: no draft is offered any more.
    await page.reload();
    await expect(page.getByText("You have an unsaved draft of this appointment.")).toHaveCount(0);
  });
});
