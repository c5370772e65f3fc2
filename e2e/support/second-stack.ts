/**
 * A second API process with its own admin in front, on the e2e database: for
 * tests of what users served by different processes see, and of what a page
 * misses (nothing) while its API process restarts.
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { e2eEnvironment, SCHEDULER } from "./environment";
import { freePort, repoRoot, startProcess, stopPids, waitForHttp } from "./servers";

export interface SecondStack {
  apiUrl: string;
  adminUrl: string;
  /** Stops the API process, runs `meanwhile` (changes made elsewhere), starts it again and waits until it answers. */
  restartApi(meanwhile: () => Promise<void>): Promise<void>;
  /** A browser context served by this stack, signed in as the scheduler. */
  signedIn(browser: Browser): Promise<{ close: () => Promise<void>; page: Page }>;
  stop(): Promise<void>;
}

/** A browser context on `baseURL` (an admin), signed in as the scheduler. */
export async function signedInAt(browser: Browser, baseURL: string): Promise<{ close: () => Promise<void>; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 1000 }, timezoneId: "America/Denver" });
  const page = await context.newPage();
  const response = await page.request.post("/api/trpc/auth.login", {
    data: { json: { email: SCHEDULER.email, password: SCHEDULER.password, rememberMe: false } },
  });
  expect(response.ok()).toBe(true);
  return { page, close: () => context.close() };
}

export async function startSecondStack(name = "2"): Promise<SecondStack> {
  const pids: number[] = [];
  const [apiPort, adminPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    DATABASE_URL: e2eEnvironment().databaseUrl,
    API_PORT: String(apiPort),
    PLANO_INSECURE_COOKIES: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const startApi = async (label: string) => {
    const child = startProcess(label, ["apps/server/dist/main.js"], { env });
    pids.push(child.pid!);
    await waitForHttp(`${apiUrl}/healthz`, 60_000, child);
    return child;
  };
  let api: ChildProcess = await startApi(`api-${name}`);
  const admin = startProcess(`admin-${name}`, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(adminPort), "-H", "127.0.0.1"], {
    cwd: path.join(repoRoot, "apps/admin"),
    env: { ...env, API_URL: apiUrl, PORT: String(adminPort) },
  });
  pids.push(admin.pid!);
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  await waitForHttp(`${adminUrl}/login`, 90_000, admin);

  return {
    apiUrl,
    adminUrl,
    async restartApi(meanwhile) {
      await stopPids([api.pid!]);
      await meanwhile();
      api = await startApi(`api-${name}-restarted`);
    },
    signedIn: (browser) => signedInAt(browser, adminUrl),
    stop: () => stopPids(pids),
  };
}
