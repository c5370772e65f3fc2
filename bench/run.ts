/**
 * `npm run bench`: the cost of every layer, side by side with a raw baseline,
 * in one run. See bench/README.md for what it measures and how to read it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, type BenchConfig } from "./lib/config";
import { applicationToken, ensureSeeded, openBenchDatabase, pickAppointmentIds, type Deployment } from "./lib/database";
import { addRatios, measure, type Figure, type FigureSpec } from "./lib/figures";
import { LoadGenerator } from "./lib/load";
import { repoRoot, type ServerProcess } from "./lib/processes";
import { restAnswers } from "./lib/protocols";
import { describeMachine, formatTable, writeResults } from "./lib/report";
import { buildServer, serverEnv, startApi, startBaseline, startCluster } from "./lib/servers";
import { checkTargets, formatTargets } from "./lib/targets";
import { crudSpec, type CrudContext, type LayerServer } from "./scenarios/crud";
import { explainList, listFilters, listSpec } from "./scenarios/list";

const log = (line: string) => console.log(line);
const cleanups: (() => Promise<unknown>)[] = [];

async function cleanup() {
  for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => console.error("cleanup:", error));
}

/** Stops `server` when the run ends, however it ends. */
function tracked(server: ServerProcess): ServerProcess {
  cleanups.push(() => server.stop());
  return server;
}

async function crudFigures(config: BenchConfig, ctx: CrudContext, layers: LayerServer[], scenario: string, operation: "update" | "read", connections = config.connections) {
  const figures: Figure[] = [];
  for (const c of connections) {
    log(`${scenario} at ${c} connection(s):`);
    figures.push(...(await measure(layers.map((l) => crudSpec(ctx, scenario, operation, l, c)), { ...config, log })));
  }
  return figures;
}

async function main() {
  const config = loadConfig();
  const machine = await describeMachine(config.serverUrl);
  const notes: string[] = [];
  const figures: Figure[] = [];
  const plans: Record<string, string> = {};
  if (config.runs < 3) notes.push(`Only ${config.runs} run(s) per figure (BENCH_RUNS): development figures, not medians of 3.`);

  log("Building the production API server (apps/server, tsup)…");
  const dist = await buildServer();

  const database = await openBenchDatabase(config.databaseUrl, config.serverUrl);
  cleanups.push(() => database.drop());
  const deployment: Deployment = { dist, env: serverEnv(database.url) };
  log(`Database ${new URL(database.url).pathname.slice(1)}: seeding ${config.appointments} appointments (production CLI)…`);
  const seeded = await ensureSeeded(deployment, database.url, config.appointments);
  const token = await applicationToken(deployment);
  const ids = await pickAppointmentIds(database.url, Math.max(...config.connections) * config.perConnection);

  const load = LoadGenerator.start();
  cleanups.push(() => load.close());
  const api = tracked(await startApi(deployment));
  const baseline = tracked(await startBaseline(database.url));
  const ctx: CrudContext = { load, databaseUrl: database.url, token, ids, perConnection: config.perConnection };
  const rest = await restAnswers(api.origin, token, ids[0]!);
  if (!rest) notes.push("REST figures skipped: /api/v1/appointments/get did not answer action-successful (the legacy adapter, issue 3, is not in this build).");
  const layers: LayerServer[] = [
    { layer: "baseline", server: baseline },
    ...(rest ? [{ layer: "rest" as const, server: api }] : []),
    { layer: "trpc", server: api },
  ];
  if (config.beforeDist) {
    // Before/after in one run: the same load, interleaved, so a busy moment of the machine hits both alike.
    const before = tracked(await startApi({ ...deployment, dist: config.beforeDist }));
    if (rest) layers.push({ layer: "rest", label: "rest@before", server: before });
    layers.push({ layer: "trpc", label: "trpc@before", server: before });
    notes.push(`Layers "@before" are the build in ${config.beforeDist}, run beside this one on the same data.`);
  }

  if (config.only.has("update")) figures.push(...(await crudFigures(config, ctx, layers, "update", "update")));
  if (config.only.has("read")) figures.push(...(await crudFigures(config, ctx, layers, "read", "read")));

  if (config.only.has("list")) {
    if (seeded < 1_000_000) notes.push(`List figures at ${seeded} appointments, not 1,000,000 (BENCH_APPOINTMENTS).`);
    const specs: FigureSpec[] = [];
    for (const filter of await listFilters(database.url)) {
      const plan = await explainList(database.url, token, filter.inputs[0]!);
      plans[filter.scenario] = plan;
      const extra = { rows: seeded, index: filter.index, index_used: filter.index ? plan.includes(filter.index) : null };
      for (const trpc of layers.filter((l) => l.layer === "trpc")) {
        // The plan is this build's; an "@before" build may run other SQL.
        specs.push(await listSpec(load, trpc, token, filter, trpc.label ? { rows: seeded } : extra));
      }
    }
    log(`list at ${seeded} appointments:`);
    figures.push(...(await measure(specs, { ...config, log })));
  }

  if (config.only.has("scaleout")) {
    const c = Math.max(...config.connections);
    const one = tracked(await startCluster(deployment, 1));
    const two = tracked(await startCluster(deployment, 2));
    log(`update-scale-out at ${c} connections (1 vs 2 API processes):`);
    const specs = [one, two].map((server, i) => ({
      ...crudSpec(ctx, "update-scale-out", "update", { layer: "trpc", server, watch: false }, c),
      extra: { processes: i + 1 },
    }));
    figures.push(...(await measure(specs, { ...config, log })));
  }

  if (config.only.has("pglite")) {
    // The embedded default: no DATABASE_URL, a data directory of its own, a small seed.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "plano-bench-pglite-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const embeddedDeployment: Deployment = { dist, env: serverEnv(undefined, { PLANO_DATA_DIR: dataDir }) };
    await ensureSeeded(embeddedDeployment, undefined, 2000);
    const pgliteToken = await applicationToken(embeddedDeployment);
    const embedded = tracked(await startApi(embeddedDeployment));
    const { url } = JSON.parse(await readFile(path.join(dataDir, "server.json"), "utf8")) as { url: string };
    const pgliteIds = await pickAppointmentIds(url, 8 * config.perConnection);
    const pgliteBaseline = tracked(await startBaseline(url));
    const pgliteCtx: CrudContext = { ...ctx, databaseUrl: url, token: pgliteToken, ids: pgliteIds };
    const pgliteLayers: LayerServer[] = [
      { layer: "baseline", server: pgliteBaseline },
      ...(rest ? [{ layer: "rest" as const, server: embedded }] : []),
      { layer: "trpc", server: embedded },
    ];
    figures.push(...(await crudFigures(config, pgliteCtx, pgliteLayers, "update-pglite", "update", [1, 8])));
  }

  addRatios(figures);
  machine.load_average.end = os.loadavg().map((n) => Number(n.toFixed(2)));
  const results = {
    machine,
    date: new Date().toISOString(),
    settings: {
      appointments: seeded,
      duration_s: config.durationS,
      warmup_s: config.warmupS,
      runs_per_figure: config.runs,
      appointments_per_connection: config.perConnection,
      api_pool_size: 10,
    },
    runs: figures,
    targets: checkTargets(figures),
    notes,
    plans,
  };
  log(`\n${formatTable(figures)}\n`);
  log(formatTargets(results.targets));
  for (const note of notes) log(`note: ${note}`);
  await writeResults(path.resolve(repoRoot, config.output), results);
  log(`\nWrote ${config.output}`);
}

process.once("SIGINT", () => {
  void cleanup().then(() => process.exit(130));
});

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}
