import { SCHEDULER } from "./support/environment";
import { expect, signInThroughForm, test } from "./support/fixtures";

test.describe("signing in and out", () => {
  test("a visitor is sent to sign in, returns to the page asked for, and can sign out", async ({ page, db }) => {
    await page.goto("/appointments?q=Headshots");
    await expect(page).toHaveURL(/\/login\?next=%2Fappointments%3Fq%3DHeadshots$/);

    await signInThroughForm(page);
    await expect(page).toHaveURL(/\/appointments\?q=Headshots$/);
    await expect(page.getByTestId("signed-in-user")).toHaveText(SCHEDULER.name);
    const { rows: before } = await db.query('SELECT count(*)::int AS n FROM session s JOIN "user" u ON u.id = s.user_id WHERE u.email = $1', [SCHEDULER.email]);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    const { rows: after } = await db.query('SELECT count(*)::int AS n FROM session s JOIN "user" u ON u.id = s.user_id WHERE u.email = $1', [SCHEDULER.email]);
    expect(after[0].n).toBe(before[0].n - 1);

    await page.goto("/appointments");
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(SCHEDULER.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The email or password is incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("remember me keeps the cookie beyond the session's seven days", async ({ page, context, db }) => {
    await page.goto("/login");
    await signInThroughForm(page, { rememberMe: true });
    await expect(page).toHaveURL(/\/board$/);
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "plano_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(30 * 24 * 3600 * 1000);
    const { rows } = await db.query("SELECT remember_me FROM session ORDER BY id DESC LIMIT 1");
    expect(rows[0].remember_me).toBe(true);
  });
});

test.describe("an expired session", () => {
  /** Ages the newest session past the seven-day limit, as if the scheduler came back a week later. */
  async function expireNewestSession(db: import("pg").Client) {
    await db.query(
      "UPDATE session SET created_at = now() - interval '8 days', last_used_at = now() - interval '8 days' WHERE id = (SELECT max(id) FROM session)",
    );
  }

  test("on a page load sends the user to sign in and back to where they were", async ({ signedIn: page, db, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await expect(page.getByRole("heading", { name: `Appointment #${appointment.id}` })).toBeVisible();

    await expireNewestSession(db);
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fappointments%2F${appointment.id}$`));

    await signInThroughForm(page);
    await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}$`));
    await expect(page.getByRole("heading", { name: `Appointment #${appointment.id}` })).toBeVisible();
  });

  test("during an API call from the open page does the same", async ({ signedIn: page, db, makeAppointment }) => {
    const appointment = await makeAppointment();
    await page.goto(`/appointments/${appointment.id}`);
    await page.getByLabel("Notes").fill("typed after a long lunch");

    await expireNewestSession(db);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fappointments%2F${appointment.id}$`));
  });
});
