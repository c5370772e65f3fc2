import { defineConfig } from "tsup";

// One ESM bundle per entry with our workspace packages inlined; npm packages
// (Prisma's runtime, pg, PGlite and its WASM) stay external in node_modules.
export default defineConfig({
  entry: {
    main: "src/main.ts",
    cli: "src/cli/main.ts",
    // The embedded database's thread (@plano/db/embedded), loaded beside the chunk that starts it.
    "embedded-worker": "../../packages/db/src/embedded-worker.ts",
  },
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  splitting: true,
  noExternal: [/^@plano\//, /^@tooling\//],
  // Resolved from node_modules at run time: PGlite and Prisma load WASM files
  // next to their own modules, which bundling would break.
  external: ["pg", "zod", "superjson", "busboy", /^@prisma\//, /^@electric-sql\//, /^@trpc\//],
});
