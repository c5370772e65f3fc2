/**
 * `.env.example` lists every variable: each key of the entry points' zod
 * schemas, and every `process.env.<NAME>` the sources still read directly.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAdminEnv } from "../apps/admin/src/env";
import { serverEnvSchema } from "../apps/server/src/env";
import { baselineSchema, parseBenchEnv, scaleOutSchema } from "../bench/lib/env";

const root = fileURLToPath(new URL("..", import.meta.url));
const listed = new Set(
  readFileSync(new URL("../.env.example", import.meta.url), "utf8")
    .split("\n")
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter(Boolean),
);

// Variables the processes set for their children (the bench hands BENCH_HEAP_FILE to its heap probe), or only the test harnesses pass around.
const internal = new Set([
  "NEXT_RUNTIME",
  "PLAYWRIGHT_JSON_OUTPUT_NAME",
  "PRISMA_SCHEMA_ENGINE_BINARY",
  "PLANO_E2E_ADMIN_URL",
  "PLANO_E2E_API_URL",
  "BENCH_HEAP_FILE",
]);

function readInSources(): string[] {
  const files = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  const names = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(`${root}/${file}`, "utf8").matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]!);
  }
  return [...names].filter((name) => !internal.has(name));
}

describe(".env.example", () => {
  it("lists every variable of the entry points' schemas", () => {
    const keys = [
      ...Object.keys(serverEnvSchema.shape),
      ...Object.keys(parseBenchEnv({})),
      ...Object.keys(scaleOutSchema.shape),
      ...Object.keys(baselineSchema.shape),
      ...Object.keys(parseAdminEnv({})),
    ];
    expect(keys.filter((key) => !listed.has(key))).toEqual([]);
  });

  it("lists every variable the sources read from process.env", () => {
    expect(readInSources().filter((name) => !listed.has(name))).toEqual([]);
  });
});
