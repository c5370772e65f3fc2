/**
 * The benchmark in miniature (seconds): the same harness as `npm run bench`
 * (production build, CLI seed, separate load process, baseline server), on a
 * few hundred appointments with sub-second runs, so it cannot rot unnoticed.
 * It checks the harness's own promises: updates carry fresh versions (no
 * conflicts), every write leaves exactly one audit entry, and the list query's
 * plan can be captured.
 */
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applicationToken, ensureSeeded, pickAppointmentIds, withClient, type Deployment } from "../../../bench/lib/database";
import { measure, type FigureSpec } from "../../../bench/lib/figures";
import { LoadGenerator } from "../../../bench/lib/load";
import { repoRoot, type ServerProcess } from "../../../bench/lib/processes";
import { restAnswers } from "../../../bench/lib/protocols";
import { buildServer, serverEnv, startApi, startBaseline } from "../../../bench/lib/servers";
import { crudSpec, type CrudContext, type LayerServer } from "../../../bench/scenarios/crud";
import { explainList, listFilters } from "../../../bench/scenarios/list";

const quick = { durationS: 0.5, warmupS: 0.2, runs: 1, log: () => {} };
const connections = 4;

describe("benchmark smoke", () => {
  let database: TestDatabase;
  let load: LoadGenerator;
  let api: ServerProcess;
  let baseline: ServerProcess;
  let ctx: CrudContext;
  let layers: LayerServer[];

  beforeAll(async () => {
    // Its own build directory, so a concurrent test using apps/server/dist is never disturbed.
    const [dist, created] = await Promise.all([
      buildServer(path.join(repoRoot, "bench/dist/smoke")),
      createTestDatabase(inject("templateDatabase"), { poolSize: 1 }),
    ]);
    database = created;
    const deployment: Deployment = { dist, env: serverEnv(database.url) };
    load = LoadGenerator.start();
    let token: string;
    [token, api, baseline] = await Promise.all([
      ensureSeeded(deployment, database.url, 300).then(() => applicationToken(deployment)),
      startApi(deployment),
      startBaseline(database.url),
    ]);
    const ids = await pickAppointmentIds(database.url, connections * 8);
    ctx = { load, databaseUrl: database.url, token, ids, perConnection: 8 };
    const rest = await restAnswers(api.origin, token, ids[0]!);
    layers = [{ layer: "baseline", server: baseline }, ...(rest ? [{ layer: "rest" as const, server: api }] : []), { layer: "trpc", server: api }];
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), baseline?.stop(), load?.close()]);
    await database?.drop();
  });

  const specs = (operation: "update" | "read"): FigureSpec[] => layers.map((layer) => crudSpec(ctx, operation, operation, layer, connections));

  it("updates with fresh versions on every layer: no failures, one audit entry per write", async () => {
    const auditEntries = () =>
      withClient(database.url, async (client) =>
        Number((await client.query("SELECT count(*) AS n FROM appointment_change WHERE action = 'update'")).rows[0].n),
      );
    const before = await auditEntries();
    const figures = await measure(specs("update"), { ...quick, warmupS: 0 }); // every write counted below is a measured one
    for (const figure of figures) {
      expect(figure.failed, `${figure.layer} failures`).toBe(0);
      expect(figure.rps, `${figure.layer} throughput`).toBeGreaterThan(0);
      expect(figure.peak_rss_mb).toBeGreaterThan(0);
    }
    // Each successful answer wrote one entry, counted or late (after the duration); a request cut off
    // at the end of a run (at most one per connection) may have written one more.
    const answered = figures.reduce((sum, f) => sum + Math.round(f.rps * quick.durationS) + f.late, 0);
    const written = (await auditEntries()) - before;
    expect(written).toBeGreaterThanOrEqual(answered);
    expect(written).toBeLessThanOrEqual(answered + connections * figures.length);
  });

  it("reads on every layer without failures", async () => {
    for (const figure of await measure(specs("read"), quick)) {
      expect(figure.failed, `${figure.layer} failures`).toBe(0);
      expect(figure.rps).toBeGreaterThan(0);
    }
  });

  it("captures the plan of the list query the API runs", async () => {
    const [byPhotographer] = await listFilters(database.url);
    const plan = await explainList(database.url, ctx.token, byPhotographer!);
    expect(plan).toMatch(/appointment/);
    expect(plan).toMatch(/Execution Time/);
  });

  it("captures the plan of the board's office-day query, served by the office index", async () => {
    const board = (await listFilters(database.url)).find((filter) => filter.scenario === "board-day")!;
    const plan = await explainList(database.url, ctx.token, board);
    expect(plan).toMatch(/Execution Time/);
    expect(plan).toContain("appointment_office_id_starts_at_id_idx");
  });
});
