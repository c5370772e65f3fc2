import { defineConfig } from "vitest/config";

// One Vitest run for every package; each package's tests sit beside its code.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "apps/server/src/**/*.test.ts", "apps/admin/src/**/*.test.ts", "apps/server/test/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["./scripts/vitest-global-setup.ts"],
  },
});
