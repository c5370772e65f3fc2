import { expect, openAllFields, storedAppointment, test } from "./support/fixtures";

test.describe("a save that crosses someone else's", () => {
  test("shows theirs and mine field by field, and keeps what the scheduler picks", async ({ signedIn: page, db, plano, makeAppointment }) => {
    const appointment = await makeAppointment({ notes: "original note" });
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("my note");
    await openAllFields(page);
    await page.getByLabel("Delivery type").fill("rush");

    // Meanwhile another application saves the same appointment.
    await plano.appointment.update.mutate({
      id: appointment.id,
      updatedAtMt: appointment.updatedAtMt,
      patch: { notes: "their note", location: "12 Their Street" },
    });

    await page.getByRole("button", { name: "Save changes" }).click();
    const dialog = page.getByRole("dialog", { name: "Someone else saved this appointment" });
    await expect(dialog).toBeVisible();
    const notesRow = dialog.getByTestId("conflict-notes");
    await expect(notesRow).toContainText("original note");
    await expect(notesRow).toContainText("their note");
    await expect(notesRow).toContainText("my note");
    await expect(dialog.getByText("Location: — → 12 Their Street")).toBeVisible();
    // Both changed the notes: no default, so nothing can be saved by accident.
    await expect(dialog.getByRole("button", { name: "Save my choices" })).toBeDisabled();
    // Only I changed the delivery type: mine is preselected.
    await expect(dialog.getByTestId("conflict-deliveryType").getByLabel("Keep mine")).toBeChecked();

    await notesRow.getByLabel("Keep mine").check();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(page.getByLabel("Location")).toHaveValue("12 Their Street");

    const stored = await storedAppointment(db, appointment.id);
    expect(stored).toMatchObject({ notes: "my note", delivery_type: "rush", location: "12 Their Street" });
  });

  test("escaping, keeping theirs or reloading never overwrites their save", async ({ signedIn: page, db, plano, makeAppointment }) => {
    const appointment = await makeAppointment({ notes: "original note" });
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("my note");
    await plano.appointment.update.mutate({ id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { notes: "their note" } });

    await page.getByRole("button", { name: "Save changes" }).click();
    const dialog = page.getByRole("dialog", { name: "Someone else saved this appointment" });
    // Escaping decides nothing: my edit stays in the form, unsaved, and saving asks again.
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Notes")).toHaveValue("my note");
    expect((await storedAppointment(db, appointment.id)).notes).toBe("their note");
    await page.getByRole("button", { name: "Save changes" }).click();
    await dialog.getByTestId("conflict-notes").getByLabel("Keep theirs").check();
    await dialog.getByRole("button", { name: "Save my choices" }).click();
    await expect(page.getByLabel("Notes")).toHaveValue("their note");
    expect((await storedAppointment(db, appointment.id)).notes).toBe("their note");

    // Again, and this time reload.
    await page.getByLabel("Notes").fill("second try");
    await plano.appointment.update.mutate({
      id: appointment.id,
      updatedAtMt: (await plano.appointment.byId.query({ id: appointment.id })).updatedAtMt,
      patch: { notes: "their second note" },
    });
    await page.getByRole("button", { name: "Save changes" }).click();
    await dialog.getByRole("button", { name: "Reload (discard my changes)" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel("Notes")).toHaveValue("their second note");
    expect((await storedAppointment(db, appointment.id)).notes).toBe("their second note");
  });
});
