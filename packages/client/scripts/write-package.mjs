#!/usr/bin/env node
/**
 * After tsup: the installable package in dist/package — the ESM build, its
 * bundled declarations, the README and a package.json of its own whose
 * dependencies are npm packages only (no workspace package: nothing of our
 * source is needed to install or typecheck it). `npm pack dist/package` makes
 * the tarball a service outside the monorepo installs.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";

const source = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const trpcClient = source.dependencies["@trpc/client"];
const manifest = {
  name: source.name,
  version: source.version,
  description: "Typed client for the Plano Appointments API (tRPC), with the router's types bundled.",
  type: "module",
  exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } },
  types: "./dist/index.d.ts",
  files: ["dist", "README.md"],
  sideEffects: false,
  engines: { node: ">=20.19" },
  dependencies: {
    "@trpc/client": trpcClient,
    // @trpc/client's peer, and the home of the router types the declarations import.
    "@trpc/server": trpcClient,
    superjson: source.dependencies.superjson,
  },
};
writeFileSync(new URL("../dist/package/package.json", import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`);
copyFileSync(new URL("../README.md", import.meta.url), new URL("../dist/package/README.md", import.meta.url));
