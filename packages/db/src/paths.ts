import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the folder holding `prisma/`. Found by walking up from
 * this module so it works from sources, from a bundle in apps/server/dist, and
 * from any working directory.
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find the repository root (a folder with prisma/schema.prisma).");
    dir = parent;
  }
}

export const repoRoot = process.env.PLANO_ROOT ?? findRoot();
export const prismaDir = path.join(repoRoot, "prisma");
