import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One Vitest run for every package; each package's tests sit beside its code.
export default defineConfig({
  // The admin's own import alias (apps/admin/tsconfig.json), for its unit tests.
  resolve: { alias: [{ find: /^~\//, replacement: fileURLToPath(new URL("./apps/admin/src/", import.meta.url)) }] },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "tooling/*/src/**/*.test.ts",
      "apps/server/src/**/*.test.ts",
      "apps/server/test/**/*.test.ts",
      "apps/admin/src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["./scripts/vitest-global-setup.ts"],
  },
});
