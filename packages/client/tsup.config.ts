import { defineConfig } from "tsup";

// The installable package: ESM, and one declaration file with the router's
// types inlined (our workspace packages are bundled, npm packages stay imports).
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: "esm",
  platform: "neutral",
  target: "es2022",
  outDir: "dist/package/dist",
  clean: true,
  dts: { entry: { index: "src/index.ts" } },
  external: ["@trpc/client", "@trpc/server", "superjson"],
});
