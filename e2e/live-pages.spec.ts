/**
 * The list and an open edit page stay current across an API restart, as the
 * board does: their API process goes away, colleagues save through another
 * process meanwhile, and once it is back each page shows every one of those
 * changes — whether it had a live event to resume from or not.
 */
import { expect as baseExpect, saveElsewhere, test, waitForHydration } from "./support/fixtures";
import { startSecondStack, type SecondStack } from "./support/second-stack";

// Every step crosses browser → admin proxy → API → database on a shared, busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });
const freshDay = () => new Date(Date.UTC(2030, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000).toISOString().slice(0, 10);

test.describe("live list and edit page across an API restart", () => {
  test.describe.configure({ timeout: 240_000 });
  let second: SecondStack;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    second = await startSecondStack("live-pages");
  });
  test.afterAll(async () => {
    await second?.stop();
  });

  test("the list misses no change made while its API process restarted", async ({ browser, plano, makeAppointment }) => {
    const date = freshDay();
    const a = await makeAppointment({ dateStartLocal: date, timeStartLocal: "08:00", summary: "Live list A" });
    const b = await makeAppointment({ dateStartLocal: date, timeStartLocal: "15:00", summary: "Live list B" });
    const { page, close } = await second.signedIn(browser);
    try {
      await page.goto(`/appointments?from=${date}&to=${date}`);
      await waitForHydration(page);
      const rows = page.getByTestId("appointment-row");
      await expect(rows).toHaveCount(2);

      // No live event yet, so nothing to resume from: the list reads its page again once back.
      await second.restartApi(async () => {
        await saveElsewhere(plano, { id: a.id, updatedAtMt: a.updatedAtMt, patch: { summary: "Live list A, renamed while down" } });
      });
      await expect(rows.filter({ hasText: "Live list A, renamed while down" })).toHaveCount(1);

      // A change while it is up arrives live (and gives the list a point to resume from)…
      const a2 = await plano.appointment.byId.query({ id: a.id });
      await saveElsewhere(plano, { id: a.id, updatedAtMt: a2.updatedAtMt, patch: { summary: "Live list A, renamed live" } });
      await expect(rows.filter({ hasText: "Live list A, renamed live" })).toHaveCount(1);
      // …so after the next restart it resumes after that event, and gets both changes made meanwhile.
      const [a3, b1] = await Promise.all([plano.appointment.byId.query({ id: a.id }), plano.appointment.byId.query({ id: b.id })]);
      await second.restartApi(async () => {
        await saveElsewhere(plano, { id: a.id, updatedAtMt: a3.updatedAtMt, patch: { summary: "Live list A, second outage" } });
        await saveElsewhere(plano, { id: b.id, updatedAtMt: b1.updatedAtMt, patch: { summary: "Live list B, second outage" } });
      });
      await expect(rows.filter({ hasText: "Live list A, second outage" })).toHaveCount(1);
      await expect(rows.filter({ hasText: "Live list B, second outage" })).toHaveCount(1);
      await page.screenshot({ path: test.info().outputPath("list-after-restart.png") });
    } finally {
      await close();
    }
  });

  test("an open edit page learns of every change made while its API process restarted", async ({ browser, plano, makeAppointment }) => {
    const a = await makeAppointment({ dateStartLocal: freshDay(), notes: "first" });
    const { page, close } = await second.signedIn(browser);
    try {
      await page.goto(`/appointments/${a.id}`);
      await waitForHydration(page);
      await expect(page.getByLabel("Notes")).toHaveValue("first");
      const notice = page.getByTestId("live-change");

      // Nothing to resume from yet: the page reads the record again once back, and says who changed it.
      await second.restartApi(async () => {
        await saveElsewhere(plano, { id: a.id, updatedAtMt: a.updatedAtMt, patch: { notes: "changed while down" } });
      });
      await expect(notice).toContainText("Changed by");
      await notice.getByRole("button", { name: "Show their version" }).click();
      await expect(page.getByLabel("Notes")).toHaveValue("changed while down");

      // A live change gives it a resume point; the next outage's change is replayed after it.
      const a2 = await plano.appointment.byId.query({ id: a.id });
      await saveElsewhere(plano, { id: a.id, updatedAtMt: a2.updatedAtMt, patch: { notes: "changed live" } });
      await expect(notice).toBeVisible();
      await notice.getByRole("button", { name: "Show their version" }).click();
      await expect(page.getByLabel("Notes")).toHaveValue("changed live");
      const a3 = await plano.appointment.byId.query({ id: a.id });
      await second.restartApi(async () => {
        await saveElsewhere(plano, { id: a.id, updatedAtMt: a3.updatedAtMt, patch: { notes: "changed in the second outage" } });
      });
      await expect(notice).toBeVisible();
      await page.screenshot({ path: test.info().outputPath("edit-after-restart.png") });
      await notice.getByRole("button", { name: "Show their version" }).click();
      await expect(page.getByLabel("Notes")).toHaveValue("changed in the second outage");
    } finally {
      await close();
    }
  });
});
