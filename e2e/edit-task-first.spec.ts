import { expect, holdScriptsContaining, openAllFields, saveElsewhere, storedAppointment, test, waitForHydration } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test.describe("the task-first edit page", () => {
  test("time comes first: ±15-minute steps and duration presets derive the stop", async ({ signedIn: page, db, makeAppointment }) => {
    // Berlin in November is CET (UTC+1).
    const appointment = await makeAppointment({
      timeZoneLocal: "Europe/Berlin",
      dateStartLocal: "2027-11-02",
      timeStartLocal: "15:45:00",
      timeDuration: "1:00",
    });
    await page.goto(`/appointments/${appointment.id}`);
    const form = page.getByRole("form", { name: "Edit appointment" });
    const legends = await form.locator("fieldset > legend").allTextContents();
    expect(legends.slice(0, 3)).toEqual(["When", "Photographer", "Status"]);
    await expect(page.getByTestId("derived-stop")).toContainText("Ends 16:45 (Europe/Berlin, GMT+1)");

    // Move a shoot by 90 minutes without adding minutes in one's head: six steps of 15.
    for (let i = 0; i < 6; i++) await page.getByRole("button", { name: "Start 15 minutes later" }).click();
    await expect(page.getByLabel("Start time", { exact: true })).toHaveValue("17:15");
    await expect(page.getByTestId("derived-stop")).toContainText("Ends 18:15");
    await page.getByRole("radio", { name: "1 hour 30 minutes" }).click();
    await expect(page.getByTestId("derived-stop")).toContainText("Ends 18:45");
    await page.getByRole("button", { name: "15 minutes shorter" }).click();
    await expect(page.getByLabel("Duration (H:MM)")).toHaveValue("1:15");
    await expect(page.getByTestId("derived-stop")).toContainText("Ends 18:30");

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect(await storedAppointment(db, appointment.id)).toMatchObject({
      time_start_local: "17:15:00",
      time_stop_local: "18:30:00",
      time_start_utc: "16:15:00",
      time_duration_s: 4500,
    });
  });

  test("a control focused while its library loads keeps the focus when the library's version replaces it", async ({ signedIn: page, makeAppointment }) => {
    // Hold back the script that brings Radix's roving focus (toolbar and tabs) until the stand-ins have focus.
    const chunks = await holdScriptsContaining(page, "RovingFocusGroup");
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await expect.poll(chunks.held).toBeGreaterThan(0);
    const details = page.getByRole("tab", { name: "Details" });
    await details.focus();
    await expect(details).toBeFocused();

    chunks.release();
    // Once Radix's tabs are in, the arrow key works, from the tab that had the focus all along.
    await expect(async () => {
      await expect(details).toBeFocused({ timeout: 200 });
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("tab", { name: "History" })).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
  });

  test("the step toolbars and the tabs, loaded after the page, keep their keyboard: one tab stop, arrow keys, selection", async ({
    signedIn: page,
    makeAppointment,
  }) => {
    const appointment = await makeAppointment({
      timeZoneLocal: "Europe/Berlin",
      dateStartLocal: "2027-11-02",
      timeStartLocal: "15:45:00",
      timeDuration: "1:00",
    });
    await page.goto(`/appointments/${appointment.id}`);
    await waitForHydration(page);

    // Tabs (WAI-ARIA tabs pattern): arrow keys move the focus and select; the chosen tab labels its panel.
    // Retried until the library has arrived: its stand-in looks the same but has no arrow keys.
    const tab = (name: string) => page.getByRole("tab", { name });
    await expect(async () => {
      await tab("Details").focus();
      await page.keyboard.press("ArrowRight");
      await expect(tab("History")).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await expect(tab("History")).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("tabpanel", { name: "History" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Edit appointment" })).toBeHidden();
    await page.keyboard.press("ArrowRight");
    await expect(tab("Mail")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(tab("Details")).toBeFocused();
    await expect(page.getByRole("tabpanel", { name: "Details" })).toBeVisible();

    // Toolbars (WAI-ARIA toolbar pattern): Tab lands on the first button, arrows move within, Space picks.
    const duration = page.getByLabel("Duration (H:MM)");
    await expect(async () => {
      await duration.focus();
      await page.keyboard.press("Tab");
      await expect(page.getByRole("radio", { name: "30 minutes", exact: true })).toBeFocused({ timeout: 500 });
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("radio", { name: "1 hour", exact: true })).toBeFocused({ timeout: 500 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect(page.getByRole("radio", { name: "1 hour 30 minutes" })).toHaveAttribute("aria-checked", "true");
    await expect(duration).toHaveValue("1:30");
    await expect(page.getByTestId("derived-stop")).toContainText("Ends 17:15");
    // Each arrow once the one before has moved the focus, as a user goes: on a loaded CI machine one of three
    // arrows sent within milliseconds of the duration's re-render was lost (focus stopped on "3 hours").
    for (const next of [page.getByRole("radio", { name: "2 hours", exact: true }), page.getByRole("radio", { name: "3 hours", exact: true })]) {
      await page.keyboard.press("ArrowRight");
      await expect(next).toBeFocused();
    }
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("button", { name: "15 minutes shorter" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(duration).toHaveValue("1:15");
    // One stop: the next Tab leaves the toolbar.
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("All day")).toBeFocused();

    // The edits survive a trip through the other tabs (the form is never mounted twice).
    await tab("Details").click();
    await page.keyboard.press("ArrowLeft");
    await expect(tab("Mail")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(duration).toHaveValue("1:15");
  });

  test("office and UTC clocks and the rare legacy fields wait in a collapsed 'All fields'; legacy names are tooltips", async ({
    signedIn: page,
    makeAppointment,
  }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await expect(page.getByLabel("Start time (UTC)")).toBeHidden();
    await expect(page.getByLabel("Delivery type")).toBeHidden();
    // No grey snake_case label beside the field; the FileMaker name is the field's tooltip.
    await expect(page.getByText("time_start_local", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Start time", { exact: true })).toHaveAttribute("title", "FileMaker parameter: time_start_local");
    await openAllFields(page);
    await expect(page.getByLabel("Start time (UTC)")).toBeVisible();
    await expect(page.getByLabel("Delivery type")).toHaveAttribute("title", "FileMaker parameter: delivery_type");
  });

  test("the local time zone is a searchable IANA picker, and no keystroke in it can crash the page", async ({ signedIn: page, db, makeAppointment }) => {
    const appointment = await makeAppointment({ timeZoneLocal: "America/Denver", dateStartLocal: "2027-03-10", timeStartLocal: "10:00:00" });
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Summary").fill("kept while picking a zone");
    const zone = page.getByRole("combobox", { name: "Local time zone" });
    await zone.click();
    await zone.fill("");
    // The keystroke that used to crash the page ("Invalid time zone specified: E").
    await zone.pressSequentially("E");
    await expect(page.getByRole("heading", { name: `Appointment #${appointment.id}` })).toBeVisible();
    await zone.pressSequentially("urope/Ber");
    const berlin = page.getByRole("listbox").getByRole("option", { name: "Europe/Berlin", exact: true });
    await expect(berlin).toBeVisible();
    await berlin.click();
    await expect(zone).toHaveValue("Europe/Berlin");
    // Berlin in March (before its DST switch) is UTC+1.
    await expect(page.getByTestId("derived-stop")).toContainText("(Europe/Berlin, GMT+1)");

    // Nonsense only filters the list; it never becomes the value.
    await zone.fill("not a zone at all");
    await expect(page.getByText("No time zone matches")).toBeVisible();
    await zone.press("Escape");
    await expect(zone).toHaveValue("Europe/Berlin");
    await expect(page.getByLabel("Summary")).toHaveValue("kept while picking a zone");

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect(await storedAppointment(db, appointment.id)).toMatchObject({ time_zone_local: "Europe/Berlin", summary: "kept while picking a zone" });
  });

  test("the time zone field focused before its combobox has loaded keeps the focus, and typing then searches", async ({ signedIn: page, makeAppointment }) => {
    // Hold back the combobox's script until its stand-in has the focus.
    const chunks = await holdScriptsContaining(page, "Type a city or region");
    const appointment = await makeAppointment({ timeZoneLocal: "America/Denver" });
    await page.goto(`/appointments/${appointment.id}`);
    await expect.poll(chunks.held).toBeGreaterThan(0);
    const standIn = page.getByLabel("Local time zone");
    await standIn.focus();
    await expect(standIn).toBeFocused();

    chunks.release();
    // The combobox replaced the stand-in, and the focus went with it: the next keys search without a click.
    const zone = page.getByRole("combobox", { name: "Local time zone" });
    await expect(zone).toBeFocused({ timeout: 15_000 });
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Berl");
    await expect(page.getByRole("listbox").getByRole("option", { name: "Europe/Berlin", exact: true })).toBeVisible();
  });

  test("the photographer picker is grouped by office and says who is free and who overlaps with what", async ({ signedIn: page, plano, makeAppointment }) => {
    const photographers = await plano.directory.photographers.query();
    const [busy, free] = photographers;
    const blocking = await makeAppointment({
      photographerUserId: busy!.id,
      dateStartLocal: "2027-08-04",
      timeStartLocal: "09:00:00",
      timeDuration: "2:00",
      summary: "Blocking shoot",
    });
    const appointment = await makeAppointment({ dateStartLocal: "2027-08-04", timeStartLocal: "10:00:00", timeDuration: "1:00" });
    await page.goto(`/appointments/${appointment.id}`);
    const picker = page.getByRole("combobox", { name: "Photographer" });
    const busyOption = picker.locator(`option[value="${busy!.id}"]`);
    await expect(busyOption).toHaveText(new RegExp(`${busy!.name}: busy: #${blocking.id} Blocking shoot 09:00–11:00`));
    await expect(picker.locator(`option[value="${free!.id}"]`)).toContainText(`${free!.name}: free`);
    // Grouped by office: every photographer option sits in an office group.
    expect(await picker.locator("optgroup").count()).toBeGreaterThan(0);
    await expect(picker.locator("optgroup").filter({ has: page.locator(`option[value="${busy!.id}"]`) })).toHaveAttribute("label", /\S/);

    // Moving the shoot after the blocking one frees the photographer.
    await page.getByLabel("Start time", { exact: true }).fill("11:00");
    await expect(busyOption).toContainText(`${busy!.name}: free`);
  });
});

test("history reads in words, with names and the appointment's zone and UTC", async ({ signedIn: page, plano, makeAppointment }) => {
  const [ann, bob] = await plano.directory.photographers.query();
  // Tue 3 Nov 2026 in Berlin (CET, UTC+1).
  const appointment = await makeAppointment({
    timeZoneLocal: "Europe/Berlin",
    dateStartLocal: "2026-11-03",
    timeStartLocal: "15:45:00",
    timeDuration: "1:00",
    photographerUserId: ann!.id,
  });
  await saveElsewhere(plano, { id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { timeStartLocal: "17:15:00", photographerUserId: bob!.id } });
  await page.goto(`/appointments/${appointment.id}`);
  await page.getByRole("tab", { name: "History" }).click();
  const latest = page.getByTestId("history-entry").first();
  await expect(latest).toContainText(
    `Moved from Tue 3 Nov 15:45 to 17:15 (Berlin); reassigned from ${ann!.name} to ${bob!.name} by planoorder:e2e, via the planoorder service`,
  );
  await expect(latest).toContainText("UTC: Tue 3 Nov 14:45 to 16:15");
  await expect(latest).not.toContainText(`Photographer ${ann!.id}`);
});
