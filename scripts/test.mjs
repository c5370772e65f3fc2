#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: every test of the repo. First the static checks: Biome (lint,
 * import layering and formatting, `biome ci` writes nothing) and knip (no
 * unused files, exports or dependencies). Builds the production API server and
 * admin (the smoke and browser tests run them) and typechecks every package,
 * the bench and the scripts (Vitest does not), then Vitest (unit and
 * integration, against PostgreSQL at TEST_DATABASE_URL), then Playwright
 * (the admin in Debian's Chromium). Ends with one summary line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processEnv } from "./processes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = processEnv();
const reports = mkdtempSync(path.join(tmpdir(), "plano-test-"));

/**
 * @param {string} label
 * @param {string[]} args
 */
function run(label, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  return result.status === 0;
}

// Both run, so one report shows every finding.
const linted = run("lint and format check (biome ci)", ["node_modules/@biomejs/biome/bin/biome", "ci", "--error-on-warnings", "."]);
const knipped = run("unused files, exports and dependencies (knip)", ["node_modules/knip/bin/knip.js"]);
const built =
  run("build and typecheck", ["node_modules/turbo/bin/turbo", "run", "build", "typecheck", "--output-logs=errors-only"]) &&
  run("typecheck the browser tests", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "e2e"]) &&
  run("typecheck the bench", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "bench"]) &&
  run("typecheck the scripts", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "scripts"]);
if (!linted || !knipped || !built) process.exit(1);

const vitestReport = path.join(reports, "vitest.json");
const vitestOk = run("vitest", ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);

const playwrightReport = path.join(reports, "playwright.json");
let playwrightOk = true;
if (existsSync(path.join(root, "playwright.config.ts"))) {
  const previous = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = playwrightReport;
  playwrightOk = run("playwright", ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"]);
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = previous;
}

/**
 * @param {string} file
 * @param {(report: any) => { passed: number; failed: number; skipped: number }} read
 */
function counts(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const unit = counts(vitestReport, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }));
const browser = counts(playwrightReport, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));
rmSync(reports, { recursive: true, force: true });

const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
const ok = vitestOk && playwrightOk && failed === 0 && passed > 0;
// A runner that crashed before reporting counts as a failure, even with no failed test counted.
const reportedFailures = ok ? 0 : Math.max(failed, 1);
console.log(`\nvitest ${unit.passed} passed, ${unit.failed} failed; playwright ${browser.passed} passed, ${browser.failed} failed`);
console.log(`Tests: ${passed} passed, ${reportedFailures} failed`);
process.exit(ok ? 0 : 1);
