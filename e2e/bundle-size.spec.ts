import { gzipSync } from "node:zlib";
import { expect, test } from "./support/fixtures";

// This machine is shared: these walk several pages each, so they get more than the default 30 s.
test.describe.configure({ timeout: 120_000 });


/** Every script a first visit downloads (from the production build the tests serve), gzipped as a server would send it. */
test("first-load JS per page is at most 200 kB gzipped", async ({ signedIn: page, makeAppointment }) => {
  const appointment = await makeAppointment();
  const sizes: Record<string, number> = {};
  const origin = test.info().project.use.baseURL!;
  const signedInState = await page.context().storageState();
  for (const [name, path] of [
    ["login", "/login"],
    ["list", "/appointments"],
    ["edit", `/appointments/${appointment.id}`],
    ["new", "/appointments/new"],
    ["notifications", "/notifications"],
  ] as const) {
    const context = await page.context().browser()!.newContext({ baseURL: origin, ...(name === "login" ? {} : { storageState: signedInState }) });
    const fresh = await context.newPage();
    const scripts = new Map<string, Promise<number>>();
    fresh.on("response", (response) => {
      if (response.request().resourceType() === "script" && !scripts.has(response.url())) {
        scripts.set(response.url(), response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
      }
    });
    await fresh.goto(path, { waitUntil: "load" });
    await fresh.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const total = (await Promise.all(scripts.values())).reduce((sum, n) => sum + n, 0);
    sizes[name] = Math.round(total / 1024);
    await context.close();
  }
  console.log(`first-load JS, kB gzipped: ${JSON.stringify(sizes)}`);
  for (const [name, kb] of Object.entries(sizes)) expect(kb, `${name}: ${kb} kB`).toBeLessThanOrEqual(200);
});
