import { expect, openAllFields, storedAppointment, test } from "./support/fixtures";

test.describe("editing an appointment", () => {
  test("a saved change shows after a reload and is in the database", async ({ signedIn: page, db, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Summary").fill("Twilight shoot, north side");
    await page.getByLabel("Notes").fill("Gate code 4411");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();

    await page.reload();
    await expect(page.getByLabel("Summary")).toHaveValue("Twilight shoot, north side");
    await expect(page.getByLabel("Notes")).toHaveValue("Gate code 4411");
    const stored = await storedAppointment(db, appointment.id);
    expect(stored.summary).toBe("Twilight shoot, north side");
    expect(stored.notes).toBe("Gate code 4411");
    expect(stored.updated_by).toBe("Sam Scheduler");
  });

  test("local, office and UTC times derive from whichever one is typed", async ({ signedIn: page, db, makeAppointment }) => {
    // A New York shoot run by the Denver office, in July (EDT is UTC-4, MDT is UTC-6).
    const appointment = await makeAppointment({
      timeZoneLocal: "America/New_York",
      dateStartLocal: "2027-07-15",
      timeStartLocal: "10:00:00",
      timeDuration: "1:30",
    });
    await page.goto(`/appointments/${appointment.id}`);
    await openAllFields(page);
    await expect(page.getByTestId("zone-local")).toHaveText("America/New_York (EDT)");
    await expect(page.getByTestId("zone-office")).toHaveText("America/Denver (MDT)");
    await expect(page.getByLabel("Start time (office)")).toHaveValue("08:00");

    await page.getByLabel("Start time (local)").fill("11:30");
    await expect(page.getByLabel("Start time (office)")).toHaveValue("09:30");
    await expect(page.getByLabel("Start time (UTC)")).toHaveValue("15:30");
    // Moving the start keeps the length.
    await expect(page.getByLabel("Stop time (local)")).toHaveValue("13:00");
    await expect(page.getByLabel("Stop time (UTC)")).toHaveValue("17:00");

    await page.getByLabel("Start time (UTC)").fill("18:00");
    await expect(page.getByLabel("Start time (local)")).toHaveValue("14:00");
    await expect(page.getByLabel("Start time (office)")).toHaveValue("12:00");

    await page.getByLabel("Duration (H:MM)").fill("2:15");
    await expect(page.getByLabel("Stop time (local)")).toHaveValue("16:15");
    await expect(page.getByLabel("Duration (seconds)")).toHaveValue("8100");

    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const stored = await storedAppointment(db, appointment.id);
    expect(stored).toMatchObject({
      time_start_local: "14:00:00",
      time_start_office: "12:00:00",
      time_start_utc: "18:00:00",
      time_stop_local: "16:15:00",
      time_duration_s: 8100,
    });
  });

  test("invalid input is reported on the field it concerns, by the form and by the server", async ({ signedIn: page, db, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);

    // The shared schedule rule, as the user types.
    await openAllFields(page);
    await page.getByLabel("Stop time (local)").fill("09:00");
    await expect(page.getByText(/time_stop_local puts the stop .* before the start/)).toBeVisible();
    await expect(page.getByLabel("Stop time (local)")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Stop time (local)").fill("12:00");
    await expect(page.getByText(/time_stop_local puts the stop/)).toHaveCount(0);

    // The shared zod schema, on save.
    await page.getByLabel("Window start (minutes after midnight)").fill("2000");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("window_time_start: expected minutes after local midnight, 0 to 1440")).toBeVisible();
    await page.getByLabel("Window start (minutes after midnight)").fill("480");

    // Only the server knows which orders exist: its error lands on the order field.
    await page.getByLabel("Order id").fill("99999999");
    await page.getByRole("button", { name: "Save changes" }).click();
    const orderError = page.getByRole("alert").filter({ hasText: "order_id: no order with id 99999999" });
    await expect(orderError.first()).toBeVisible();
    await expect(page.getByLabel("Order id")).toHaveAttribute("aria-invalid", "true");
    expect((await storedAppointment(db, appointment.id)).window_time_start).toBeNull();
  });

  test("a photographer's overlapping shoot is warned about before saving", async ({ signedIn: page, plano, makeAppointment }) => {
    const [photographer] = await plano.directory.photographers.query();
    const first = await makeAppointment({
      photographerUserId: photographer!.id,
      dateStartLocal: "2027-05-05",
      timeStartLocal: "10:00:00",
      timeDuration: "1:30",
    });
    const second = await makeAppointment({
      photographerUserId: photographer!.id,
      dateStartLocal: "2027-05-05",
      timeStartLocal: "13:00:00",
      timeDuration: "1:00",
    });
    await page.goto(`/appointments/${second.id}`);
    const warning = page.getByRole("alert").filter({ hasText: "The photographer has 1 other appointment at this time." });
    await expect(warning).toHaveCount(0);

    await page.getByLabel("Start time", { exact: true }).fill("11:00");
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link", { name: new RegExp(`#${first.id}`) })).toBeVisible();

    await page.getByLabel("Start time", { exact: true }).fill("11:30");
    await expect(warning).toHaveCount(0);
  });
});
