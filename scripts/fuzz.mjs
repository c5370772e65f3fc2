#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of every door (/api/trpc, /api/v1,
 * headers and cookies on the API server, the admin's proxy) with 10,000
 * generated requests each (FUZZ_RUNS to change it), where `npm test` runs 2,000.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { processEnv } from "./processes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...processEnv(), FUZZ_RUNS: process.env.FUZZ_RUNS ?? "10000" };
const files = ["apps/server/test/fuzz.test.ts", "packages/legacy-rest/test/property.test.ts", "apps/admin/src/proxy.test.ts"];
const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...files], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
