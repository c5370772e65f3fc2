import { expect, test } from "./support/fixtures";

test.describe("the appointments list", () => {
  test("filters live in the URL, so a shared link shows the same view", async ({ signedIn: page, browser, plano, makeAppointment }) => {
    const [photographer] = await plano.directory.photographers.query();
    const marker = `sharecheck${Date.now().toString(36)}`;
    // Two matches for the photographer and the text, one of them confirmed; one cancelled appointment that never matches.
    const confirmed = await makeAppointment({ photographerUserId: photographer!.id, summary: `${marker} confirmed`, dateStartLocal: "2027-04-02" });
    await plano.appointment.confirm.mutate({ id: confirmed.id });
    await makeAppointment({ photographerUserId: photographer!.id, summary: `${marker} pending`, dateStartLocal: "2027-04-03" });

    await page.goto("/appointments");
    const filters = page.getByRole("search", { name: "Filter appointments" });
    await filters.getByLabel("Search").fill(marker);
    await filters.getByLabel("Photographer").selectOption(String(photographer!.id));
    await filters.getByLabel("Confirmed").selectOption("yes");
    await filters.getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(new RegExp(`photographer=${photographer!.id}`));
    await expect(page).toHaveURL(/confirmed=yes/);
    const rows = page.getByTestId("appointment-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`${marker} confirmed`);
    await expect(rows.first()).toContainText(photographer!.name);
    await expect(rows.first()).toContainText("Confirmed");

    // A colleague opens the link in their own browser.
    const shared = page.url();
    const colleague = await browser.newContext({ baseURL: new URL(shared).origin });
    const other = await colleague.newPage();
    await other.request.post("/api/trpc/auth.login", {
      data: { json: { email: "scheduler@e2e.example.com", password: "e2e-password-1", rememberMe: false } },
    });
    await other.goto(shared);
    await expect(other.getByTestId("appointment-row")).toHaveCount(1);
    await expect(other.getByTestId("appointment-row").first()).toContainText(`${marker} confirmed`);
    const otherFilters = other.getByRole("search", { name: "Filter appointments" });
    await expect(otherFilters.getByLabel("Search")).toHaveValue(marker);
    await expect(otherFilters.getByLabel("Photographer")).toHaveValue(String(photographer!.id));
    await expect(otherFilters.getByLabel("Confirmed")).toHaveValue("yes");
    await colleague.close();

    // Widening the filter again shows both.
    await filters.getByLabel("Confirmed").selectOption("");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(rows).toHaveCount(2);
    await expect(page).not.toHaveURL(/confirmed=/);
  });

  test("the first page arrives rendered by the server", async ({ signedIn: page }) => {
    // With JavaScript off, only server-rendered rows can appear.
    const response = await page.request.get("/appointments");
    const html = await response.text();
    expect(html).toContain('data-testid="appointment-row"');
  });

  test("pages forward with a cursor and sorts by start both ways", async ({ signedIn: page }) => {
    await page.goto("/appointments");
    const rows = page.getByTestId("appointment-row");
    await expect(rows).toHaveCount(50);
    const firstPageFirst = (await rows.first().textContent()) ?? "";

    await page.getByRole("link", { name: "Next page →" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(rows.first()).not.toHaveText(firstPageFirst);
    await page.getByRole("link", { name: "← First page" }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(rows.first()).toHaveText(firstPageFirst);

    await page.getByRole("button", { name: /Local start/ }).click();
    await expect(page).toHaveURL(/sort=desc/);
    await expect(page.getByRole("columnheader", { name: /Local start/ })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).not.toHaveText(firstPageFirst);
  });
});
