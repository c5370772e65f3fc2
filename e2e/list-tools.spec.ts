import { expect, storedAppointment, test } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** Today's date as the list's default takes it (UTC-12, the earliest "today"). */
const todayAnywhere = () => new Date(Date.now() - 12 * 3600_000).toISOString().slice(0, 10);

test.describe("the list answers the day's questions", () => {
  test("opens on today onward, with start–end, office, photographer, address, order and client", async ({ signedIn: page, plano, makeAppointment }) => {
    const past = await makeAppointment({ dateStartLocal: "2020-01-15", summary: "long ago" });
    const [photographer] = await plano.directory.photographers.query();
    const marker = `cols${Date.now().toString(36)}`;
    const future = await makeAppointment({
      dateStartLocal: "2027-06-01",
      timeStartLocal: "09:30:00",
      timeDuration: "2:00",
      location: `${marker} 1 Main St`,
      photographerUserId: photographer!.id,
    });
    await page.goto("/appointments");
    await expect(page.getByRole("search").getByLabel("From (local date)")).toHaveValue(todayAnywhere());
    const dates = await page.getByTestId("appointment-row").evaluateAll((rows) => rows.length);
    expect(dates).toBeGreaterThan(0);
    await expect(page.getByRole("link", { name: new RegExp(`Appointment ${past.id}:`) })).toHaveCount(0);
    for (const header of ["Local start", "Office", "Photographer", "Address", "Order and client", "Status", "Actions"]) {
      await expect(page.getByRole("columnheader", { name: new RegExp(header) }).first()).toBeVisible();
    }

    await page.goto(`/appointments?q=${marker}`);
    const row = page.getByTestId("appointment-row");
    await expect(row).toHaveCount(1);
    // 09:30–11:30 MDT (Denver, June).
    await expect(row).toContainText("09:30–11:30 MDT");
    await expect(row).toContainText("Denver");
    await expect(row).toContainText(photographer!.name);
    await expect(row).toContainText(`${marker} 1 Main St`);
    expect(future.id).toBeGreaterThan(0);

    // "My zone" (the browser's, America/Denver here) on request.
    await page.getByLabel(/Also show times in my zone/).check();
    await expect(page.getByRole("columnheader", { name: "My zone (America/Denver)" })).toBeVisible();
  });

  test("search finds #id and order numbers", async ({ signedIn: page, makeAppointment, db }) => {
    const { rows } = await db.query(`INSERT INTO "order" (reference) VALUES ('E2E-ORDER') RETURNING id`);
    const orderId = rows[0].id as number;
    const appointment = await makeAppointment({ orderId, dateStartLocal: "2021-02-02" });
    await page.goto(`/appointments?q=%23${appointment.id}`);
    await expect(page.getByRole("link", { name: new RegExp(`Appointment ${appointment.id}:`) })).toBeVisible();

    await page.goto(`/appointments?q=${orderId}`);
    const row = page.getByTestId("appointment-row").filter({ has: page.getByRole("link", { name: new RegExp(`Appointment ${appointment.id}:`) }) });
    await expect(row).toContainText(`#${orderId} (E2E-ORDER)`);
  });

  test("saved views are kept on the server per user and can be shared", async ({ signedIn: page, db }) => {
    await page.goto("/appointments?confirmed=no&from=2027-01-01");
    await page.getByRole("button", { name: "Views…" }).click();
    const dialog = page.getByRole("dialog", { name: "Saved views" });
    await dialog.getByLabel("Save the current filters as").fill("Unconfirmed 2027");
    await dialog.getByLabel("Share with colleagues").check();
    await dialog.getByRole("button", { name: "Save view" }).click();
    await expect(dialog.getByRole("link", { name: "Unconfirmed 2027" })).toBeVisible();
    const { rows } = await db.query(`SELECT query, shared FROM saved_view WHERE name = 'Unconfirmed 2027'`);
    expect(rows).toEqual([{ query: "from=2027-01-01&confirmed=no", shared: true }]);

    await page.goto("/appointments");
    await page.getByRole("button", { name: "Views…" }).click();
    await page.getByRole("dialog", { name: "Saved views" }).getByRole("link", { name: "Unconfirmed 2027" }).click();
    await expect(page).toHaveURL(/confirmed=no/);
    await expect(page.getByRole("search").getByLabel("Confirmed")).toHaveValue("no");
  });

  test("row actions confirm, move and reassign without opening the record", async ({ signedIn: page, db, plano, makeAppointment }) => {
    const marker = `rowact${Date.now().toString(36)}`;
    const appointment = await makeAppointment({ summary: marker, dateStartLocal: "2027-09-09" });
    await page.goto(`/appointments?q=${marker}`);
    const row = page.getByTestId("appointment-row");
    await expect(row).toHaveCount(1);
    await row.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("bulk-progress")).toContainText("1 done");
    await expect(row).toContainText("Confirmed");
    expect(await storedAppointment(db, appointment.id)).toMatchObject({ confirmed: true });

    await row.getByRole("button", { name: "Move…" }).click();
    const move = page.getByRole("dialog", { name: "Move this appointment" });
    await move.getByLabel("Days").fill("2");
    await move.getByRole("button", { name: "Move this appointment" }).click();
    await expect(page.getByTestId("bulk-progress")).toContainText("1 done");
    expect(await storedAppointment(db, appointment.id)).toMatchObject({ date_start_local: "2027-09-11", time_start_local: "10:00:00" });

    const [photographer] = await plano.directory.photographers.query();
    await row.getByRole("button", { name: "Reassign…" }).click();
    const reassign = page.getByRole("dialog", { name: "Reassign this appointment" });
    await reassign.getByRole("combobox", { name: "Photographer" }).selectOption(String(photographer!.id));
    await reassign.getByRole("button", { name: "Reassign this appointment" }).click();
    await expect(row).toContainText(photographer!.name);
    // Focus returns to the button that opened the dialog.
    await expect(row.getByRole("button", { name: "Reassign…" })).toBeFocused();
  });

  test("bulk: shift-click selects a range, cancel with a reason reports per row", async ({ signedIn: page, db, plano, makeAppointment }) => {
    const marker = `bulk${Date.now().toString(36)}`;
    const made = [];
    for (let day = 1; day <= 4; day++) made.push(await makeAppointment({ summary: `${marker} ${day}`, dateStartLocal: `2027-10-0${day}` }));
    await page.goto(`/appointments?q=${marker}`);
    const rows = page.getByTestId("appointment-row");
    await expect(rows).toHaveCount(4);
    await rows.nth(0).getByRole("checkbox").click();
    await rows
      .nth(2)
      .getByRole("checkbox")
      .click({ modifiers: ["Shift"] });
    await expect(page.getByRole("region", { name: "Selected appointments" })).toContainText("3 selected");

    // Someone else changes the second one meanwhile: it is reported, not overwritten.
    await plano.appointment.update.mutate({ id: made[1]!.id, updatedAtMt: made[1]!.updatedAtMt, patch: { notes: "theirs" } });
    await page.getByRole("region", { name: "Selected appointments" }).getByRole("button", { name: "Cancel…" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel 3 appointments" });
    await dialog.getByRole("button", { name: "Cancel 3 appointments" }).click();
    await expect(dialog.getByText("reason: a cancellation needs a reason")).toBeVisible();
    await dialog.getByLabel("Reason").fill("Storm warning");
    await dialog.getByRole("button", { name: "Cancel 3 appointments" }).click();
    const progress = page.getByTestId("bulk-progress");
    await expect(progress).toContainText("2 done, 1 changed by someone else meanwhile, 0 not possible");
    await expect(progress.getByRole("link", { name: `#${made[1]!.id}` })).toBeVisible();

    const cancelled = await db.query(`SELECT id FROM appointment WHERE id = ANY($1) AND cancelled ORDER BY id`, [made.map((a) => a.id)]);
    expect(cancelled.rows.map((r) => r.id)).toEqual([made[0]!.id, made[2]!.id]);
    // One audit entry per changed row.
    const audit = await db.query(`SELECT appointment_id FROM appointment_change WHERE action = 'cancel' AND appointment_id = ANY($1)`, [made.map((a) => a.id)]);
    expect(audit.rows).toHaveLength(2);
  });

  test("keyboard shortcuts: / search, j/k rows, e edit, c confirm, ? help", async ({ signedIn: page, db, makeAppointment }) => {
    const marker = `keys${Date.now().toString(36)}`;
    const first = await makeAppointment({ summary: `${marker} a`, dateStartLocal: "2027-11-01" });
    const second = await makeAppointment({ summary: `${marker} b`, dateStartLocal: "2027-11-02" });
    await page.goto(`/appointments?q=${marker}`);
    await expect(page.getByTestId("appointment-row")).toHaveCount(2);

    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Confirm the highlighted appointment");
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();

    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(page.getByRole("link", { name: new RegExp(`Appointment ${first.id}:`) })).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("c");
    await expect(page.getByTestId("bulk-progress")).toContainText("1 done");
    expect(await storedAppointment(db, second.id)).toMatchObject({ confirmed: true });
    expect(await storedAppointment(db, first.id)).toMatchObject({ confirmed: false });

    await page.keyboard.press("/");
    await expect(page.getByRole("search").getByLabel("Search")).toBeFocused();
    await page.keyboard.press("Escape");
    await page.getByRole("heading", { name: "Appointments" }).click();
    // The highlight stays on the second (last) row; "j" at the end stays there.
    await page.keyboard.press("j");
    await page.keyboard.press("e");
    await expect(page).toHaveURL(new RegExp(`/appointments/${second.id}$`));
  });
});
