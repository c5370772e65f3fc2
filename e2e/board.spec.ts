/**
 * The dispatch board: moving, reassigning, resizing and placing by drag and by
 * keyboard, each checked in the database; a stale drop; and live updates
 * across two API processes, also after one of them restarts.
 */
import type { Page } from "@playwright/test";
import type pg from "pg";
import { e2eEnvironment } from "./support/environment";
import { expect as baseExpect, saveElsewhere, storedAppointment, test, waitForHydration } from "./support/fixtures";
import { signedInAt, startSecondStack, type SecondStack } from "./support/second-stack";

// A save travels browser → admin proxy → API → database: on a shared, busy machine that can take seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

/** A day after the seeded year, its own for each test (and each run), so no other appointment shares its lanes. */
const freshDay = () => new Date(Date.UTC(2028, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000).toISOString().slice(0, 10);

async function denverPhotographers(db: pg.Client): Promise<{ id: number; name: string }[]> {
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT u.id, u.name FROM "user" u JOIN employee_record e ON e.user_id = u.id JOIN office o ON o.id = e.office_id
      WHERE e.is_photographer AND o.name = 'Denver' ORDER BY u.name, u.id`,
  );
  expect(rows.length, "seeded Denver photographers").toBeGreaterThanOrEqual(2);
  return rows;
}

/** Axis pixels per minute: a day view shows 16 hours (06:00–22:00) across the lane's track. */
async function pxPerMinute(page: Page, laneId: number) {
  const box = (await page.getByTestId(`lane-${laneId}`).getByRole("gridcell").boundingBox())!;
  return box.width / (16 * 60);
}

/** Drags with the mouse in small steps (dnd-kit starts a drag after 5 px). */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const centre = (box: { x: number; y: number; width: number; height: number }) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

async function openBoard(page: Page, date: string, denverId: number, baseUrl = "") {
  await page.goto(`${baseUrl}/board?date=${date}&view=day&office=${denverId}`);
  await expect(page.getByRole("grid")).toBeVisible();
}

test.describe("the dispatch board", () => {
  test.describe.configure({ timeout: 90_000 });
  test("drag a block along its lane to move it by whole quarter hours, and undo it", async ({ signedIn: page, db, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "10:00", timeDuration: "1:00", photographerUserId: ann!.id });
    await openBoard(page, date, await officeId("Denver"));
    const block = page.getByTestId(`block-${appointment.id}`);
    await expect(block).toHaveAttribute("data-start", "10:00");
    const px = await pxPerMinute(page, ann!.id);
    const start = centre((await block.boundingBox())!);
    // 75 minutes to the right (whole quarter hours: the drop snaps to them).
    await drag(page, start, { x: start.x + 75 * px, y: start.y });
    await expect(block).toHaveAttribute("data-start", "11:15");
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).time_start_local).toBe("11:15:00");
    expect((await storedAppointment(db, appointment.id)).time_duration_s).toBe(3600);
    await expect(page.getByRole("status").filter({ hasText: `Moved #${appointment.id}` })).toBeVisible();

    // Ctrl+Z puts it back, by a second update.
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).time_start_local).toBe("10:00:00");
    await expect(block).toHaveAttribute("data-start", "10:00");
  });

  test("drop a block on another lane to reassign it", async ({ signedIn: page, db, makeAppointment, officeId }) => {
    const [ann, bob] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "09:00", timeDuration: "1:00", photographerUserId: ann!.id });
    await openBoard(page, date, await officeId("Denver"));
    const block = page.getByTestId(`block-${appointment.id}`);
    const from = centre((await block.boundingBox())!);
    const bobLane = (await page.getByTestId(`lane-${bob!.id}`).getByRole("gridcell").boundingBox())!;
    await drag(page, from, { x: from.x, y: bobLane.y + 20 });
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).photographer_user_id).toBe(bob!.id);
    expect((await storedAppointment(db, appointment.id)).time_start_local).toBe("09:00:00");
    await expect(page.getByTestId(`lane-${bob!.id}`).getByTestId(`block-${appointment.id}`)).toBeVisible();
  });

  test("drag a block's end to change its length", async ({ signedIn: page, db, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "13:00", timeDuration: "1:00", photographerUserId: ann!.id });
    await openBoard(page, date, await officeId("Denver"));
    const block = page.getByTestId(`block-${appointment.id}`);
    await block.hover();
    const handle = (await page.getByTestId(`resize-${appointment.id}`).boundingBox())!;
    const px = await pxPerMinute(page, ann!.id);
    const from = centre(handle);
    await drag(page, from, { x: from.x + 30 * px, y: from.y });
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).time_duration_s).toBe(5400);
    expect((await storedAppointment(db, appointment.id)).time_start_local).toBe("13:00:00");
    await expect(block).toHaveAttribute("data-end", "14:30");
  });

  test("moves by keyboard: Enter picks up, arrows move 15 minutes or a lane, Escape cancels, Enter saves, all announced", async ({
    signedIn: page,
    db,
    makeAppointment,
    officeId,
  }) => {
    const photographers = await denverPhotographers(db);
    const date = freshDay();
    const [first, second] = photographers;
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "10:00", timeDuration: "1:00", photographerUserId: first!.id });
    await openBoard(page, date, await officeId("Denver"));
    const button = page.getByTestId(`block-${appointment.id}`).getByRole("button").first();
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Picked up");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Escape");
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Cancelled");
    expect((await storedAppointment(db, appointment.id)).time_start_local).toBe("10:00:00");

    await button.focus();
    await page.keyboard.press("Enter");
    // Each key after the one before was announced, as a screen-reader user goes: a key pressed while the block is
    // still being picked up is not a move yet (seen on a busy machine: the second arrow of two was lost).
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText("Picked up");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText("would start at 10:15");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText("would start at 10:30");
    await page.keyboard.press("ArrowDown");
    // Lanes are sorted by name: the next lane down is the second photographer's. dnd-kit learns which lane the block
    // is over in an effect after the arrow's render, so Enter pressed before that drops it on the lane it was over
    // (seen once on a busy machine: 10:30 on the first lane). A screen-reader user hears the lane first; so does the test.
    await expect(page.locator("[id^=DndLiveRegion]")).toContainText(`is over ${second!.name}'s lane, starting at 10:30.`);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).time_start_local).toBe("10:30:00");
    expect((await storedAppointment(db, appointment.id)).photographer_user_id).toBe(second!.id);
  });

  test("drag from the ready-to-schedule queue onto a lane, with a warning outside its window", async ({ signedIn: page, db, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({
      dateStartLocal: date,
      timeStartLocal: "09:00",
      timeDuration: "1:00",
      readyToSchedule: true,
      windowDateStart: date,
      windowDateEnd: date,
      windowTimeStart: 8 * 60,
      windowTimeEnd: 12 * 60,
    });
    await openBoard(page, date, await officeId("Denver"));
    const item = page.getByTestId(`queue-${appointment.id}`);
    await expect(item).toContainText("Window:");
    const lane = (await page.getByTestId(`lane-${ann!.id}`).getByRole("gridcell").boundingBox())!;
    const px = lane.width / (16 * 60);
    const itemBox = (await item.boundingBox())!;
    // Grab the item at its left edge and drop that edge at 14:00 (8 hours after 06:00).
    const grab = { x: itemBox.x + 12, y: itemBox.y + 12 };
    await drag(page, grab, { x: lane.x + 8 * 60 * px + 12, y: lane.y + 20 });
    await expect.poll(async () => (await storedAppointment(db, appointment.id)).photographer_user_id).toBe(ann!.id);
    expect((await storedAppointment(db, appointment.id)).time_start_local).toBe("14:00:00");
    await expect(page.getByRole("status").filter({ hasText: "outside its window" })).toBeVisible();
    await expect(item).toBeHidden();
    await expect(page.getByTestId(`lane-${ann!.id}`).getByTestId(`block-${appointment.id}`)).toBeVisible();
  });

  test("a drop on a version someone else replaced opens the conflict dialog", async ({ signedIn: page, db, plano, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({
      dateStartLocal: date,
      timeStartLocal: "10:00",
      timeDuration: "1:00",
      photographerUserId: ann!.id,
      notes: "mine",
    });
    // No live updates for this page, so it keeps the version it read.
    await page.route("**/api/trpc/appointment.onChange**", (route) => route.abort());
    await openBoard(page, date, await officeId("Denver"));
    await saveElsewhere(plano, { id: appointment.id, updatedAtMt: appointment.updatedAtMt, patch: { timeStartLocal: "16:00" } });
    const block = page.getByTestId(`block-${appointment.id}`);
    const px = await pxPerMinute(page, ann!.id);
    const from = centre((await block.boundingBox())!);
    await drag(page, from, { x: from.x + 60 * px, y: from.y });
    const dialog = page.getByRole("dialog", { name: "Someone else saved this appointment" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("16:00");
    // Nothing was overwritten.
    expect((await storedAppointment(db, appointment.id)).time_start_local).toBe("16:00:00");
  });

  test("the week view draws a shoot over several days as a block on each day, also when it began the week before", async ({
    signedIn: page,
    db,
    makeAppointment,
    officeId,
  }) => {
    const [ann] = await denverPhotographers(db);
    const monday = "2031-03-03"; // a Monday
    // Tuesday 20:00 to Thursday 10:00 (38 hours), and Sunday 18:00 (the week before) to Monday 09:00.
    const long = await makeAppointment({ dateStartLocal: "2031-03-04", timeStartLocal: "20:00", timeDuration: "38:00", photographerUserId: ann!.id });
    const carried = await makeAppointment({ dateStartLocal: "2031-03-02", timeStartLocal: "18:00", timeDuration: "15:00", photographerUserId: ann!.id });
    await page.goto(`/board?date=${monday}&view=week&office=${await officeId("Denver")}`);
    await expect(page.getByRole("grid")).toBeVisible();
    const lane = page.getByTestId(`lane-${ann!.id}`);
    const parts = [lane.getByTestId(`block-${long.id}`), lane.getByTestId(`block-${long.id}-part-2`), lane.getByTestId(`block-${long.id}-part-3`)];
    for (const part of parts) await expect(part).toBeVisible();
    await expect(parts[0]!).toHaveAttribute("data-part", "1/3");
    await expect(parts[2]!).toHaveAttribute("data-end", "10:00");
    // Each part sits on its own day, left to right, and the middle one fills its day.
    const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox())!));
    const track = (await lane.getByRole("gridcell").boundingBox())!;
    const dayWidth = track.width / 7;
    expect(boxes.map((box) => Math.floor((box.x - track.x + 1) / dayWidth))).toEqual([1, 2, 3]);
    expect(boxes[1]!.width).toBeGreaterThan(dayWidth * 0.95);
    // Begun on the Sunday before: only its Monday part is drawn, from the day's start.
    const carriedPart = lane.getByTestId(`block-${carried.id}-part-2`);
    await expect(carriedPart).toBeVisible();
    expect(Math.abs((await carriedPart.boundingBox())!.x - track.x)).toBeLessThan(3);
    await page.screenshot({ path: test.info().outputPath("week-multi-day.png") });
  });

  test("the side panel's photographer picker says who is free, grouped by office, and reassigns", async ({ signedIn: page, db, makeAppointment, officeId }) => {
    const [ann, ben] = await denverPhotographers(db);
    const date = freshDay();
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "10:00", timeDuration: "1:00", photographerUserId: ann!.id });
    const busy = await makeAppointment({
      dateStartLocal: date,
      timeStartLocal: "10:30",
      timeDuration: "1:00",
      photographerUserId: ben!.id,
      summary: "Ben's other shoot",
    });
    await openBoard(page, date, await officeId("Denver"));
    await page.getByTestId(`block-${appointment.id}`).getByRole("button").first().click();
    const panel = page.getByTestId("side-panel");
    const picker = panel.getByLabel("Photographer");
    await expect(panel.getByText(/free in this slot/)).toBeVisible();
    await expect(picker.locator("optgroup", { has: page.locator(`option[value="${ben!.id}"]`) })).toHaveAttribute("label", "Denver");
    await expect(picker.locator(`option[value="${ben!.id}"]`)).toContainText(`#${busy.id}`);
    await picker.selectOption(String(ben!.id));
    await panel.getByRole("button", { name: "Save slot" }).click();
    await expect(page.getByTestId(`lane-${ben!.id}`).getByTestId(`block-${appointment.id}`)).toBeVisible();
    expect((await storedAppointment(db, appointment.id)).photographer_user_id).toBe(ben!.id);
    await page.screenshot({ path: test.info().outputPath("side-panel-picker.png") });
  });
});

test.describe("live across API processes", () => {
  test.describe.configure({ timeout: 180_000 });
  let second: SecondStack;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    second = await startSecondStack();
  });

  test.afterAll(async () => {
    await second?.stop();
  });

  test("two boards, each served by its own API process, see each other's moves within a second or two", async ({ browser, db, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const denver = await officeId("Denver");
    const appointment = await makeAppointment({ dateStartLocal: date, timeStartLocal: "10:00", timeDuration: "1:00", photographerUserId: ann!.id });
    const one = await signedInAt(browser, e2eEnvironment().adminUrl);
    const two = await second.signedIn(browser);
    try {
      for (const { page } of [one, two]) {
        await page.goto(`/board?date=${date}&view=day&office=${denver}`);
        await waitForHydration(page);
      }
      const blockOne = one.page.getByTestId(`block-${appointment.id}`);
      const blockTwo = two.page.getByTestId(`block-${appointment.id}`);
      await expect(blockTwo).toHaveAttribute("data-start", "10:00");
      const px = await pxPerMinute(one.page, ann!.id);
      const from = centre((await blockOne.boundingBox())!);
      await drag(one.page, from, { x: from.x + 60 * px, y: from.y });
      await expect(blockOne).toHaveAttribute("data-start", "11:00");
      await expect(blockTwo).toHaveAttribute("data-start", "11:00", { timeout: 3000 });

      const back = centre((await blockTwo.boundingBox())!);
      await drag(two.page, back, { x: back.x + 120 * px, y: back.y });
      await expect(blockTwo).toHaveAttribute("data-start", "13:00");
      await expect(blockOne).toHaveAttribute("data-start", "13:00", { timeout: 3000 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  test("after its API process restarts, a board catches up on every change made meanwhile", async ({ browser, db, plano, makeAppointment, officeId }) => {
    const [ann] = await denverPhotographers(db);
    const date = freshDay();
    const denver = await officeId("Denver");
    const a = await makeAppointment({ dateStartLocal: date, timeStartLocal: "08:00", timeDuration: "1:00", photographerUserId: ann!.id });
    const b = await makeAppointment({ dateStartLocal: date, timeStartLocal: "15:00", timeDuration: "1:00", photographerUserId: ann!.id });
    const two = await second.signedIn(browser);
    try {
      await two.page.goto(`/board?date=${date}&view=day&office=${denver}`);
      await waitForHydration(two.page);
      await expect(two.page.getByTestId(`block-${a.id}`)).toHaveAttribute("data-start", "08:00");

      // The board's API process goes away; meanwhile two changes are saved elsewhere (the first API process).
      await second.restartApi(async () => {
        await saveElsewhere(plano, { id: a.id, updatedAtMt: a.updatedAtMt, patch: { timeStartLocal: "09:30" } });
        await saveElsewhere(plano, { id: b.id, updatedAtMt: b.updatedAtMt, patch: { timeStartLocal: "17:00" } });
      });
      // The client subscribes again (retryLink) and resumes after the board's read.
      await expect(two.page.getByTestId(`block-${a.id}`)).toHaveAttribute("data-start", "09:30", { timeout: 20_000 });
      await expect(two.page.getByTestId(`block-${b.id}`)).toHaveAttribute("data-start", "17:00");
    } finally {
      await two.close();
    }
  });
});
