/**
 * The import-layering rules of biome.jsonc (ARCHITECTURE.md's arrows) fire:
 * a probe file in each room imports what that room must not, and Biome must
 * refuse it naming the rule; an allowed import in the same room passes.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const biome = path.join(root, "node_modules/@biomejs/biome/bin/biome");

interface Probe {
  folder: string;
  source: string;
  refused: boolean;
}

const probes: Probe[] = [
  { folder: "packages/schema/src", source: "@plano/db", refused: true },
  { folder: "packages/schema/src", source: "@plano/api", refused: true },
  { folder: "packages/schema/src", source: "zod", refused: false },
  { folder: "packages/db/src", source: "@plano/schema", refused: true },
  // Tooling (tooling/*) is no room of the house: the bottom rooms may use it.
  { folder: "packages/db/src", source: "@tooling/env", refused: false },
  { folder: "packages/db/test", source: "@plano/api", refused: true },
  { folder: "packages/api/src", source: "@plano/legacy-rest", refused: true },
  { folder: "packages/api/src", source: "@plano/db", refused: false },
  { folder: "apps/admin/src", source: "@plano/db", refused: true },
  { folder: "apps/admin/src", source: "@plano/db/embedded", refused: true },
  { folder: "apps/admin/src", source: "@plano/api", refused: false },
  { folder: "packages/legacy-rest/test", source: "../../../apps/server/src/http", refused: true },
  { folder: "packages/api/test", source: "../../../apps/server/src/http", refused: true },
];

const tag = randomUUID().slice(0, 8);
const files = probes.map((probe, index) => path.join(probe.folder, `layering-probe-${tag}-${index}.ts`));
afterAll(() => {
  for (const file of files) rmSync(path.join(root, file), { force: true });
});

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

function lint(): Diagnostic[] {
  probes.forEach((probe, index) => {
    writeFileSync(path.join(root, files[index]!), `import * as probe from "${probe.source}";\nexport const used = probe;\n`);
  });
  let output: string;
  try {
    output = execFileSync(biome, ["lint", "--reporter=json", ...files], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (error) {
    // Biome exits non-zero when it reports an error; the JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(output) as { diagnostics: Diagnostic[] }).diagnostics;
}

describe("import layering (biome.jsonc)", () => {
  const diagnostics = lint();
  it.each(probes.map((probe, index) => ({ ...probe, file: files[index]! })))("$folder importing $source: refused=$refused", ({ file, refused }) => {
    const found = diagnostics.filter((d) => d.location.path.replaceAll("\\", "/") === file);
    if (refused) {
      expect(found.map((d) => d.category)).toEqual(["lint/style/noRestrictedImports"]);
      expect(found[0]!.message).toContain("ARCHITECTURE.md");
    } else {
      expect(found).toEqual([]);
    }
  });
});
