/**
 * The tests' tools: a signed-in page, the database (to check what was stored
 * and to age a session), and the typed tRPC client acting as another
 * application, for appointments made or changed "elsewhere".
 */
import { createPlanoClient, type PlanoClient, type RouterInputs } from "@plano/client";
import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { SCHEDULER, e2eEnvironment } from "./environment";

export { expect };

type NewAppointment = RouterInputs["appointment"]["create"];

interface Fixtures {
  db: pg.Client;
  plano: PlanoClient;
  /** The page, already signed in as the scheduler. */
  signedIn: Page;
  /** Creates an appointment through the API (in Denver unless told otherwise) and returns it. */
  makeAppointment: (patch?: Partial<NewAppointment>) => Promise<Awaited<ReturnType<PlanoClient["appointment"]["create"]["mutate"]>>["appointment"]>;
  officeId: (name: string) => Promise<number>;
}

/**
 * Resolves once the page's React is running: the shell marks <html>, and a streamed page, which
 * hydrates later, marks itself `done`. A click or a keystroke before that would be lost.
 */
export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector('[data-route-loading], [data-page-hydration="pending"]'));
}

/**
 * Holds back every script chunk whose text contains `marker` (a library loaded after the page) until
 * `release()`, so a test can act on the stand-in drawn meanwhile. `held()` counts the chunks held so far.
 */
export async function holdScriptsContaining(page: Page, marker: string): Promise<{ held: () => number; release: () => void }> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(marker)) {
      held++;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { held: () => held, release };
}

/** Signs in through the login form, the way a person does, and waits for the page it leads to. */
export async function signInThroughForm(page: Page, options: { rememberMe?: boolean } = {}) {
  await waitForHydration(page);
  await page.getByLabel("Email").fill(SCHEDULER.email);
  await page.getByLabel("Password").fill(SCHEDULER.password);
  if (options.rememberMe) await page.getByLabel("Remember me on this computer").check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await waitForHydration(page);
}

export const test = base.extend<Fixtures>({
  // Every goto and reload waits until the page is interactive, so the test's next click is not lost.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await waitForHydration(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await waitForHydration(page);
      return response;
    };
    await use(page);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring.
  db: async ({}, use) => {
    const client = new pg.Client({ connectionString: e2eEnvironment().databaseUrl });
    await client.connect();
    await use(client);
    await client.end();
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring.
  plano: async ({}, use) => {
    const { apiUrl, appToken } = e2eEnvironment();
    await use(createPlanoClient({ url: `${apiUrl}/api/trpc`, token: appToken, application: "planoorder" }));
  },

  signedIn: async ({ page }, use) => {
    // The login procedure sets the session cookie in this browser context.
    const response = await page.request.post("/api/trpc/auth.login", {
      data: { json: { email: SCHEDULER.email, password: SCHEDULER.password, rememberMe: false } },
    });
    expect(response.ok(), await response.text()).toBe(true);
    await use(page);
  },

  officeId: async ({ plano }, use) => {
    const offices = await plano.directory.offices.query();
    await use(async (name) => {
      const office = offices.find((candidate) => candidate.name === name);
      if (!office) throw new Error(`no office named ${name}`);
      return office.id;
    });
  },

  makeAppointment: async ({ plano, officeId }, use) => {
    const denver = await officeId("Denver");
    await use(async (patch = {}) => {
      const { appointment } = await plano.appointment.create.mutate({
        officeId: denver,
        dateStartLocal: "2027-03-10",
        timeStartLocal: "10:00:00",
        timeDuration: "1:30",
        summary: `E2E shoot ${Math.random().toString(36).slice(2, 8)}`,
        ...patch,
      });
      return appointment;
    });
  },
});

/** One row of the appointment table, read back as a record. */
export async function storedAppointment(db: pg.Client, id: number): Promise<Record<string, unknown>> {
  // As JSON, so dates and times come back exactly as stored (pg would turn dates into local Date objects).
  const { rows } = await db.query("SELECT row_to_json(a) AS row FROM appointment a WHERE id = $1", [id]);
  expect(rows, `appointment ${id} in the database`).toHaveLength(1);
  return rows[0].row as Record<string, unknown>;
}

/** Opens the edit form's collapsed "All fields" section (office and UTC clocks, rare legacy fields), if closed. */
export async function openAllFields(page: Page) {
  const section = page.locator("details").filter({ has: page.locator("summary", { hasText: "All fields" }) });
  if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
  await expect(section).toHaveAttribute("open", "");
}

/**
 * A colleague's save through the API. Moving or reassigning emails the client and the photographer,
 * and the browser tests' Mandrill stand-in does not listen, so such a save answers the seed's
 * mandrill-email-failed (`email-failed`): the change is saved all the same, which is what counts here.
 */
export async function saveElsewhere(plano: PlanoClient, input: RouterInputs["appointment"]["update"]): Promise<void> {
  try {
    await plano.appointment.update.mutate(input);
  } catch (error) {
    if ((error as { data?: { plano?: { reason?: string } } }).data?.plano?.reason !== "email-failed") throw error;
  }
}
