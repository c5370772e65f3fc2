import type { Page } from "@playwright/test";
import { expect, storedAppointment, test } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** The keyboard, counting every key pressed (a chord counts each of its keys). */
function countingKeyboard(page: Page) {
  let presses = 0;
  return {
    async press(key: string) {
      presses += key.split("+").length;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      presses += text.length;
      await page.keyboard.type(text);
    },
    /** Tabs forward until `target` has the focus (every Tab counted), at most `max` times. */
    async tabTo(target: import("@playwright/test").Locator, max = 6) {
      for (let i = 0; i < max; i++) {
        if (await target.evaluate((el) => el === document.activeElement)) return;
        presses += 1;
        await page.keyboard.press("Tab");
      }
      await expect(target).toBeFocused();
    },
    get presses() {
      return presses;
    },
  };
}

test("a keyboard-only create takes at most 40 key presses", async ({ signedIn: page, db, plano }) => {
  const [firstOffice] = await plano.directory.offices.query();
  await page.goto("/appointments/new");
  const keys = countingKeyboard(page);

  // The office has the focus on arrival.
  await expect(page.getByRole("combobox", { name: "Office" })).toBeFocused();
  await keys.press("ArrowDown");
  await keys.press("Tab"); // time zone (the office's unless changed)
  await keys.press("Tab");
  await expect(page.getByLabel("Start date", { exact: true })).toBeFocused();
  await keys.type("03152027"); // en-US date input: mm dd yyyy
  // Chromium (156) gives the date input's calendar button its own tab stop after the year: tab until the time has the focus.
  const startTime = page.getByLabel("Start time", { exact: true });
  await keys.tabTo(startTime);
  await keys.type("1030A"); // 10:30 AM
  await expect(startTime).toHaveValue("10:30");
  // Past the time input's clock button and the start's ±15 toolbar (one tab stop each).
  await keys.tabTo(page.getByLabel("Duration (H:MM)"));
  await keys.type("1:30");
  // Past the presets toolbar (one stop) and "All day".
  const picker = page.getByRole("combobox", { name: "Photographer" });
  await keys.tabTo(picker);
  await expect(page.getByText(/free in this slot/)).toBeVisible();
  await keys.press("ArrowDown");
  await keys.press("Control+Enter");

  await expect(page).toHaveURL(/\/appointments\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").at(-1));
  const stored = await storedAppointment(db, id);
  expect(stored).toMatchObject({ office_id: firstOffice!.id, date_start_local: "2027-03-15", time_start_local: "10:30:00", time_duration_s: 5400 });
  expect(stored.photographer_user_id).not.toBeNull();
  console.log(`keyboard-only create: ${keys.presses} key presses`);
  expect(keys.presses).toBeLessThanOrEqual(40);
});
