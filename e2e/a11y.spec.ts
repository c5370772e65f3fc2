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
