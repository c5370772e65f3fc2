/**
 * `@plano/client` as an installable package: built (ESM + bundled
 * declarations), packed with `npm pack`, installed into a fresh project
 * outside the monorepo (its dependencies from the npm registry), typechecked
 * with tsc — including a call the router's types must refuse — and run
 * against a live API server.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createApplicationToken, syncReferenceData } from "@plano/api";
import { createTestDatabase, type TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../../bench/lib/processes";
import { createApiServer } from "../src/http";

const run = promisify(execFile);
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");

describe("@plano/client from its tarball", () => {
  let database: TestDatabase;
  let project: string;
  let server: ReturnType<typeof createApiServer>;

  beforeAll(async () => {
    database = await createTestDatabase(inject("templateDatabase"), { poolSize: 4 });
    await syncReferenceData(database.db);
    project = await mkdtemp(path.join(os.tmpdir(), "plano-client-consumer-"));
    server = createApiServer({ db: database.db });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  }, 300_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await database?.drop();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("installs outside the monorepo, typechecks with the router's types, and calls a live server", async () => {
    // Turbo's cache makes this free when `npm test` has built it already.
    await run("npx", ["turbo", "run", "build", "--filter=@plano/client", "--output-logs=errors-only"], { cwd: repoRoot });
    await run("npm", ["pack", path.join(repoRoot, "packages/client/dist/package"), "--pack-destination", project], { cwd: project });
    const [tarball] = (await readdir(project)).filter((name) => name.endsWith(".tgz"));
    expect(tarball).toMatch(/^plano-client-\d+\.\d+\.\d+\.tgz$/);

    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await run("npm", ["install", `./${tarball}`, "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, timeout: 240_000 });
    const installed = await readdir(path.join(project, "node_modules/@plano/client/dist"));
    expect(installed.sort()).toEqual(["index.d.ts", "index.js"]);

    const office = await database.db.office.create({ data: { name: "Denver", timeZone: "America/Denver" } });
    const { token } = await createApplicationToken(database.db, "planoorder", { role: "scheduler" });
    const { port } = server.address() as AddressInfo;
    // skipLibCheck as `tsc --init` sets it: @trpc/server's own declarations want @types/node and
    // esnext.disposable. Ours still count: an unresolved type would be \`any\`, and then the
    // expect-error directive in check.ts would be unused, which tsc reports.
    await writeFile(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          lib: ["ES2022", "DOM"],
          outDir: "out",
          types: [],
          skipLibCheck: true,
        },
        include: ["check.ts"],
      }),
    );
    await writeFile(
      path.join(project, "check.ts"),
      `import { createPlanoClient, TRPCClientError, type AppRouter, type RouterOutputs } from "@plano/client";

const plano = createPlanoClient({ url: "http://127.0.0.1:${port}/api/trpc", token: ${JSON.stringify(token)} });

const created = await plano.appointment.create.mutate({ officeId: ${office.id}, dateStartLocal: "2026-12-01", timeStartLocal: "10:00", timeDurationS: 3600 });
const page: RouterOutputs["appointment"]["list"] = await plano.appointment.list.query({ dateFromLocal: "2026-12-01", dateToLocal: "2026-12-07", limit: 10 });
const first = page.appointments[0];
if (!first) throw new Error("the list is empty");
const startsAt: string | null = first.startsAt;

// The router's input types are really there: with \`any\` types this directive would be unused, and tsc would fail.
// @ts-expect-error limit is a number
void plano.appointment.list.query({ limit: "ten" }).catch(() => undefined);

const saved = await plano.appointment.update.mutate({ id: first.id, updatedAtMt: first.updatedAtMt, patch: { notes: "from outside" } });
let conflict: { reason?: string; current?: string | null; code?: string } = {};
try {
  await plano.appointment.update.mutate({ id: first.id, updatedAtMt: first.updatedAtMt, patch: { notes: "stale" } });
} catch (error) {
  if (!(error instanceof TRPCClientError)) throw error;
  const data = (error as TRPCClientError<AppRouter>).data;
  conflict = { reason: data?.plano?.reason, current: data?.plano?.current?.notes, code: data?.code };
}
console.log(JSON.stringify({ createdId: created.appointment.id, listedId: first.id, startsAt, saved: saved.appointment.notes, conflict }));
`,
    );
    const typecheck = await run(process.execPath, [tsc, "-p", project], { cwd: project }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(typecheck).toBe("");
    const { stdout } = await run(process.execPath, [path.join(project, "out/check.js")], { cwd: project });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toEqual({
      createdId: expect.any(Number),
      listedId: result.createdId,
      startsAt: "2026-12-01T17:00:00.000Z", // 10:00 in Denver (UTC−7 in December)
      saved: "from outside",
      conflict: { reason: "update-conflict", current: "from outside", code: "CONFLICT" },
    });
  }, 600_000);
});
