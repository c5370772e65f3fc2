import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** axe-core's serious and critical findings, as "rule: target" lines (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(" ")}`));
}

/** Whether the page scrolls sideways (document wider than the viewport). */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const widths = [1440, 375];

test.describe("phone and accessibility", () => {
  for (const width of widths) {
    test(`login, list, edit, new and notifications at ${width} px: no serious axe finding, no sideways scrolling`, async ({ page, makeAppointment }) => {
      await page.setViewportSize({ width, height: 900 });
      const appointment = await makeAppointment({ summary: "Accessibility check", notes: "a note" });
      await page.goto("/login");
      expect(await seriousViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`login-${width}.png`), fullPage: true });

      const response = await page.request.post("/api/trpc/auth.login", {
        data: { json: { email: "scheduler@e2e.example.com", password: "e2e-password-1", rememberMe: false } },
      });
      expect(response.ok()).toBe(true);
      for (const [name, path] of [
        ["list", "/appointments"],
        ["edit", `/appointments/${appointment.id}`],
        ["new", "/appointments/new"],
        ["notifications", "/notifications"],
      ] as const) {
        await page.goto(path);
        await expect(page.locator("main h1")).toBeVisible();
        // The page's own data has arrived (no loading spinner left).
        await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
        expect(await seriousViolations(page), `${name} at ${width}px`).toEqual([]);
        expect(await horizontalOverflow(page), `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
      }
    });
  }

  test("at 375 px the cancel dialog fits, and closing it returns focus to its opener", async ({ signedIn: page, makeAppointment }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    const opener = page.getByRole("button", { name: "Cancel appointment…" });
    await opener.click();
    const dialog = page.getByRole("dialog", { name: "Cancel this appointment" });
    await expect(dialog).toBeVisible();
    for (const button of await dialog.getByRole("button").all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("cancel-dialog-375.png") });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("every control shows where the keyboard focus is", async ({ signedIn: page, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByRole("heading", { name: `Appointment #${appointment.id}` }).click();
    // Tab through the first 25 stops: each focused element draws an outline (or ring).
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const css = getComputedStyle(el);
        return { tag: el.tagName, outline: css.outlineStyle, width: css.outlineWidth, shadow: css.boxShadow };
      });
      const visible = (style.outline !== "none" && style.width !== "0px") || style.shadow !== "none";
      expect(visible, `${style.tag} at tab stop ${i + 1} shows no focus`).toBe(true);
    }
  });
});

test.describe("the board's accessibility", () => {
  for (const width of widths) {
    test(`the board, its queue and its side panel at ${width} px: no serious axe finding`, async ({ signedIn: page, db, makeAppointment, officeId }) => {
      await page.setViewportSize({ width, height: 900 });
      const denver = await officeId("Denver");
      const { rows } = await db.query<{ id: number }>(
        `SELECT u.id FROM "user" u JOIN employee_record e ON e.user_id = u.id WHERE e.is_photographer AND e.office_id = $1 ORDER BY u.id LIMIT 1`,
        [denver],
      );
      const date = "2029-02-14";
      // A placed shoot, two that overlap, a shoot over two days, and one waiting in the queue.
      const placed = await makeAppointment({ dateStartLocal: date, timeStartLocal: "09:00", timeDuration: "1:00", photographerUserId: rows[0]!.id });
      await makeAppointment({ dateStartLocal: date, timeStartLocal: "13:00", timeDuration: "2:00", photographerUserId: rows[0]!.id });
      await makeAppointment({ dateStartLocal: date, timeStartLocal: "14:00", timeDuration: "1:00", photographerUserId: rows[0]!.id });
      await makeAppointment({ dateStartLocal: date, timeStartLocal: "20:00", timeDuration: "14:00", photographerUserId: rows[0]!.id });
      await makeAppointment({ dateStartLocal: date, timeStartLocal: "11:00", timeDuration: "1:00", readyToSchedule: true });

      await page.goto(`/board?date=${date}&view=day&office=${denver}`);
      await expect(page.getByRole("grid")).toBeVisible();
      await expect(page.getByTestId(`block-${placed.id}`)).toBeVisible();
      expect(await seriousViolations(page), `board at ${width}px`).toEqual([]);
      // The grid scrolls inside its own frame; the page itself does not scroll sideways.
      expect(await horizontalOverflow(page), `board at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`board-${width}.png`), fullPage: true });

      await page.getByTestId(`block-${placed.id}`).getByRole("button").first().click();
      const panel = page.getByTestId("side-panel");
      await expect(panel).toBeVisible();
      await expect(panel.getByText(/free in this slot/)).toBeVisible();
      expect(await seriousViolations(page), `board's side panel at ${width}px`).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`board-panel-${width}.png`), fullPage: true });

      await page.goto(`/board?date=${date}&view=week&office=${denver}`);
      await expect(page.getByTestId(`block-${placed.id}`)).toBeVisible();
      expect(await seriousViolations(page), `board's week at ${width}px`).toEqual([]);
    });
  }
});
