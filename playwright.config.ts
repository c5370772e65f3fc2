/**
 * Browser tests of the admin app in Debian's Chromium (no browser download).
 * e2e/support/global-setup.ts starts the production builds of the API server
 * and the admin on free ports against a fresh PostgreSQL database, and hands
 * their addresses to the tests through the environment; global-teardown.ts
 * stops them by PID and drops the database.
 *
 * Needs the builds first: `npx turbo run build --filter=@plano/server --filter=@plano/admin`.
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/support/global-setup.ts",
  globalTeardown: "./e2e/support/global-teardown.ts",
  // The tests share one database and one pair of servers; one worker keeps them independent and the run within 2 cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results/e2e",
  reporter: [["list"]],
  use: {
    // Set by the global setup before the workers start.
    baseURL: process.env.PLANO_E2E_ADMIN_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    viewport: { width: 1400, height: 1000 },
    timezoneId: "America/Denver",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.PLANO_E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
