/**
 * `npm run bench`: the cost of every layer, side by side with a raw baseline,
 * in one run. See bench/README.md for what it measures and how to read it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadConfig, type BenchConfig } from "./lib/config";
import { applicationToken, ensureSeeded, openBenchDatabase, pickAppointmentIds, settleWrites, slicesFor, type Deployment } from "./lib/database";
import { addRatios, measure, type Figure, type FigureSpec } from "./lib/figures";
import { failures, LoadGenerator } from "./lib/load";
import { repoRoot, type ServerProcess } from "./lib/processes";
import { summariseProfile } from "./lib/profile-summary";
import { restAnswers } from "./lib/protocols";
import { describeMachine, formatTable, writeResults } from "./lib/report";
import { buildServer, serverEnv, startApi, startBaseline, startCluster } from "./lib/servers";
import { checkLiveTargets, checkTargets, formatTargets } from "./lib/targets";
import { crudSpec, type CrudContext, type LayerServer } from "./scenarios/crud";
import { bulkFigures } from "./scenarios/bulk";
import { boardShape, explainList, listFilters, listSpec } from "./scenarios/list";
import { livePhase, type LiveResults } from "./scenarios/live";
import { WEBHOOK_BENCH_ENV, webhookFigures } from "./scenarios/webhooks";

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

/** API processes by pid, named as the table names them: with BENCH_PROFILE, their profiles are summarised under these names. */
const profiled = new Map<number, string>();
const trackedApi = (server: ServerProcess, label: string) => {
  profiled.set(server.pid, label);
  return tracked(server);
};

/**
 * BENCH_PROFILE: once the servers have stopped (and written their profiles),
 * a summary of each API process's profile goes next to the results, as
 * `<results>.profile.txt`, so each change shows where it moved the time.
 */
async function writeProfileSummaries(output: string): Promise<void> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir || profiled.size === 0) return;
  const folder = path.resolve(repoRoot, dir);
  const sections: string[] = [];
  for (const file of (await readdir(folder)).filter((name) => name.endsWith(".cpuprofile")).sort()) {
    // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile
    const label = profiled.get(Number(file.split(".")[3]));
    if (label) sections.push(`## ${label}\n\n${summariseProfile(path.join(folder, file))}`);
  }
  if (sections.length === 0) return;
  const target = `${path.resolve(repoRoot, output).replace(/\.json$/, "")}.profile.txt`;
  await writeFile(target, `${sections.join("\n\n")}\n`);
  log(`Wrote ${path.relative(repoRoot, target)}`);
}

/** What a phase of the run shares: its database (seeded, with a token), the build, the load generator. */
interface Stage {
  config: BenchConfig;
  deployment: Deployment;
  databaseUrl: string;
  seeded: number;
  token: string;
  load: LoadGenerator;
  notes: string[];
}

async function openStage(config: BenchConfig, dist: string, load: LoadGenerator, notes: string[], appointments: number): Promise<Stage> {
  const database = await openBenchDatabase(config.databaseUrl, config.serverUrl);
  cleanups.push(() => database.drop());
  const deployment: Deployment = { dist, env: serverEnv(database.url) };
  log(`Database ${new URL(database.url).pathname.slice(1)}: seeding ${appointments} appointments (production CLI)…`);
  const seeded = await ensureSeeded(deployment, database.url, appointments);
  return { config, deployment, databaseUrl: database.url, seeded, token: await applicationToken(deployment), load, notes };
}

/**
 * The layers served on `stage`'s database: the API server's REST and tRPC
 * (REST only once the legacy adapter answers), the baseline if asked for,
 * and the same layers of a BENCH_BEFORE_DIST build, labelled "@before".
 */
async function startLayers(stage: Stage, withBaseline: boolean): Promise<{ api: ServerProcess; layers: LayerServer[] }> {
  const api = trackedApi(await startApi(stage.deployment), "api");
  const [firstId] = await pickAppointmentIds(stage.databaseUrl, 1);
  const rest = await restAnswers(api.origin, stage.token, firstId!);
  const note = "REST figures skipped: /api/v1/appointments/get did not answer action-successful (the legacy adapter, issue 3, is not in this build).";
  if (!rest && !stage.notes.includes(note)) stage.notes.push(note);
  const layers: LayerServer[] = [];
  if (withBaseline) layers.push({ layer: "baseline", server: tracked(await startBaseline(stage.databaseUrl)) });
  if (rest) layers.push({ layer: "rest", server: api });
  layers.push({ layer: "trpc", server: api });
  const { beforeDist } = stage.config;
  if (beforeDist) {
    // Before/after in one run: the same load, interleaved, so a busy moment of the machine hits both alike.
    const before = trackedApi(await startApi({ ...stage.deployment, dist: beforeDist }), "api@before");
    if (rest) layers.push({ layer: "rest", label: "rest@before", server: before });
    layers.push({ layer: "trpc", label: "trpc@before", server: before });
    const note = `Layers "@before" are the build in ${beforeDist}, run beside this one on the same data.`;
    if (!stage.notes.includes(note)) stage.notes.push(note);
  }
  return { api, layers };
}

async function crudFigures(
  config: BenchConfig,
  ctx: CrudContext,
  layers: LayerServer[],
  scenario: string,
  operation: "update" | "read" | "update-layout",
  connections = config.connections,
) {
  const figures: Figure[] = [];
  for (const c of connections) {
    log(`${scenario} at ${c} connection(s):`);
    figures.push(
      ...(await measure(
        layers.map((l) => crudSpec(ctx, scenario, operation, l, c)),
        { ...config, log },
      )),
    );
  }
  return figures;
}

/** The layers that accept a whole-layout save: each "@before" layer is tried for a second on one appointment. */
async function layersThatSaveLayouts(layers: LayerServer[], ctx: CrudContext): Promise<LayerServer[]> {
  const kept: LayerServer[] = [];
  for (const layer of layers) {
    if (!layer.label?.endsWith("@before")) {
      kept.push(layer);
      continue;
    }
    const ids = ctx.ids.slice(0, 1);
    await settleWrites(ctx.databaseUrl, ids);
    const slices = await slicesFor(ctx.databaseUrl, ids, 1);
    try {
      const tried = await ctx.load.run({
        origin: layer.server.origin,
        layer: layer.layer,
        token: ctx.token,
        operation: "update-layout",
        slices,
        connections: 1,
        durationS: 1,
      });
      if (failures(tried) === 0) kept.push(layer);
    } catch {
      // It could not even read the layout back: left out.
    }
  }
  return kept;
}

/** Update and read on every layer, and 1 vs 2 API processes. */
async function crudPhase(stage: Stage): Promise<Figure[]> {
  const { config } = stage;
  const figures: Figure[] = [];
  const { layers } = await startLayers(stage, true);
  const ids = await pickAppointmentIds(stage.databaseUrl, Math.max(...config.connections) * config.perConnection);
  const ctx: CrudContext = { load: stage.load, databaseUrl: stage.databaseUrl, token: stage.token, ids, perConnection: config.perConnection };
  if (config.only.has("update")) figures.push(...(await crudFigures(config, ctx, layers, "update", "update")));
  if (config.only.has("update-layout")) {
    // The figure is at 8 and 32 connections; a reduced run with neither takes what it was given.
    const wanted = config.connections.filter((c) => c === 8 || c === 32);
    // An "@before" build from before issue 9 refuses FileMaker's whole-layout save (400): nothing to compare.
    const saving = await layersThatSaveLayouts(layers, ctx);
    if (saving.length < layers.length) {
      stage.notes.push(
        `update-layout: ${layers
          .filter((l) => !saving.includes(l))
          .map((l) => l.label ?? l.layer)
          .join(", ")} refused a whole-layout save and were left out.`,
      );
    }
    figures.push(...(await crudFigures(config, ctx, saving, "update-layout", "update-layout", wanted.length > 0 ? wanted : config.connections)));
  }
  if (config.only.has("read")) figures.push(...(await crudFigures(config, ctx, layers, "read", "read")));
  if (config.only.has("scaleout")) {
    const c = Math.max(...config.connections);
    const one = tracked(await startCluster(stage.deployment, 1));
    const two = tracked(await startCluster(stage.deployment, 2));
    log(`update-scale-out at ${c} connections (1 vs 2 API processes):`);
    const specs = [one, two].map((server, i) => ({
      ...crudSpec(ctx, "update-scale-out", "update", { layer: "trpc", server, watch: false }, c),
      extra: { processes: i + 1 },
    }));
    figures.push(...(await measure(specs, { ...config, log })));
    // Their webhook workers must not take the next figure's deliveries (see below).
    await Promise.all([one.stop(), two.stop()]);
  }
  if (config.only.has("webhooks")) {
    // Last: its subscription makes every update enqueue, which the figures above must not pay for.
    const c = Math.max(...config.connections);
    // One API process delivers, as the figure says. The layers' processes run workers too, configured without
    // the bench's loopback allowance: they took deliveries they could not send, each then held for a lease (20 s).
    for (const server of new Set(layers.filter((l) => l.layer !== "baseline").map((l) => l.server))) await server.stop();
    log(`update-webhooks at ${c} connections (delivering every update to a receiver):`);
    const deployment = { ...stage.deployment, env: { ...stage.deployment.env, ...WEBHOOK_BENCH_ENV } };
    figures.push(...(await webhookFigures(deployment, ctx, () => startApi(deployment), c, { ...config, log })));
  }
  return figures;
}

/** appointment.bulk against one appointment.update per row, on the same 500 rows (rows/s). */
async function bulkPhase(stage: Stage): Promise<Figure[]> {
  const api = tracked(await startApi(stage.deployment));
  const ids = await pickAppointmentIds(stage.databaseUrl, 500);
  log("bulk-reassign, 500 rows, one request at a time (single updates vs appointment.bulk in chunks of 50):");
  const figures = await bulkFigures({ origin: api.origin, token: stage.token, databaseUrl: stage.databaseUrl, ids, runs: stage.config.runs, log });
  const ratio = figures.find((f) => f.layer === "trpc-bulk")?.bulk_over_single;
  stage.notes.push(
    `bulk-reassign: appointment.bulk applies ${ratio} × the rows per second of single appointment.update calls (target ≥ 1: as fast as the updates it replaces).`,
  );
  return figures;
}

/** Whether the build at `origin` serves appointment.board (tRPC answers 404 for a procedure it lacks). */
async function answersBoard(origin: string, token: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/trpc/appointment.board`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status !== 404;
}

/** Whether any script of the build in `dist` contains `text` (a procedure it serves is named in its router). */
async function bundleMentions(dist: string, text: string): Promise<boolean> {
  for (const file of await readdir(dist)) {
    if (file.endsWith(".js") && (await readFile(path.join(dist, file), "utf8")).includes(text)) return true;
  }
  return false;
}

/** The three list filters at scale, with the plan of each. */
async function listPhase(stage: Stage, plans: Record<string, string>): Promise<Figure[]> {
  const { seeded, token } = stage;
  if (seeded < 1_000_000) stage.notes.push(`List figures at ${seeded} appointments, not 1,000,000 (BENCH_APPOINTMENTS).`);
  const { layers } = await startLayers(stage, false);
  const specs: FigureSpec[] = [];
  for (const filter of await listFilters(stage.databaseUrl)) {
    const plan = await explainList(stage.databaseUrl, token, filter);
    plans[filter.scenario] = plan;
    const extra = {
      rows: seeded,
      index: filter.index,
      index_used: filter.index ? plan.includes(filter.index) : null,
      ...(await boardShape(stage.databaseUrl, token, filter)),
    };
    for (const trpc of layers.filter((l) => l.layer === "trpc")) {
      // A build from before the board (issue 10) has no appointment.board: nothing to compare.
      if (trpc.label && filter.scenario === "board-day" && !(await answersBoard(trpc.server.origin, token))) {
        const note = `board-day: ${trpc.label} has no appointment.board and was left out.`;
        if (!stage.notes.includes(note)) stage.notes.push(note);
        continue;
      }
      // The plan is this build's; an "@before" build may run other SQL.
      specs.push(await listSpec(stage.load, trpc, token, filter, trpc.label ? { rows: seeded } : extra));
    }
  }
  log(`list at ${seeded} appointments:`);
  return measure(specs, { ...stage.config, log });
}

/** Update on the embedded default: no DATABASE_URL, a data directory of its own, a small seed. */
async function pglitePhase(config: BenchConfig, dist: string, load: LoadGenerator): Promise<Figure[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "plano-bench-pglite-"));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const deployment: Deployment = { dist, env: serverEnv(undefined, { PLANO_DATA_DIR: dataDir }) };
  await ensureSeeded(deployment, undefined, 2000);
  const token = await applicationToken(deployment);
  const embedded = trackedApi(await startApi(deployment), "api (embedded PGlite)");
  // The baseline reaches the same PGlite through the socket server the API process opened.
  const { url } = JSON.parse(await readFile(path.join(dataDir, "server.json"), "utf8")) as { url: string };
  const ids = await pickAppointmentIds(url, 8 * config.perConnection);
  const rest = await restAnswers(embedded.origin, token, ids[0]!);
  const layers: LayerServer[] = [
    { layer: "baseline", server: tracked(await startBaseline(url)) },
    ...(rest ? [{ layer: "rest" as const, server: embedded }] : []),
    { layer: "trpc", server: embedded },
  ];
  const ctx: CrudContext = { load, databaseUrl: url, token, ids, perConnection: config.perConnection };
  return crudFigures(config, ctx, layers, "update-pglite", "update", [1, 8]);
}

async function main() {
  const config = loadConfig();
  const machine = await describeMachine(config.serverUrl);
  const notes: string[] = [];
  const figures: Figure[] = [];
  const plans: Record<string, string> = {};
  const seeded: Record<string, number> = {};
  if (config.runs < 3) notes.push(`Only ${config.runs} run(s) per figure (BENCH_RUNS): development figures, not medians of 3.`);

  log("Building the production API server (apps/server, tsup)…");
  const dist = await buildServer();
  const load = LoadGenerator.start();
  cleanups.push(() => load.close());

  // One database for all figures, unless BENCH_CRUD_APPOINTMENTS asks for another size for update and read.
  const shared = config.databaseUrl !== undefined || config.crudAppointments === config.appointments;
  let crudStage: Stage | undefined;
  if (["update", "update-layout", "read", "scaleout", "bulk", "webhooks"].some((group) => config.only.has(group))) {
    crudStage = await openStage(config, dist, load, notes, shared ? config.appointments : config.crudAppointments);
    seeded.crud = crudStage.seeded;
    if (["update", "update-layout", "read", "scaleout", "webhooks"].some((group) => config.only.has(group))) figures.push(...(await crudPhase(crudStage)));
    if (config.only.has("bulk")) figures.push(...(await bulkPhase(crudStage)));
  }
  if (config.only.has("list")) {
    const listStage = shared && crudStage ? crudStage : await openStage(config, dist, load, notes, config.appointments);
    seeded.list = listStage.seeded;
    figures.push(...(await listPhase(listStage, plans)));
  }
  let live: LiveResults | undefined;
  let liveBefore: LiveResults | undefined;
  if (config.only.has("live")) {
    const liveStage = crudStage ?? (await openStage(config, dist, load, notes, config.appointments));
    if (config.beforeDist && !(await bundleMentions(config.beforeDist, "onChange"))) {
      notes.push("live: the @before build has no appointment.onChange (it predates issue 10) and was not measured.");
    } else if (config.beforeDist) {
      // The BENCH_BEFORE_DIST build first, then this one, on the same data and the same office-day.
      // A build from before issue 10 has no appointment.onChange: its live phase fails, and is noted instead.
      try {
        liveBefore = await livePhase({ ...liveStage.deployment, dist: config.beforeDist }, liveStage.databaseUrl, liveStage.token, log);
        log(`live@before: ${JSON.stringify(liveBefore)}`);
      } catch (error) {
        notes.push(`live: the @before build could not be measured (${error instanceof Error ? error.message.slice(0, 160) : String(error)}).`);
      }
    }
    live = await livePhase(liveStage.deployment, liveStage.databaseUrl, liveStage.token, log);
    log(`live: ${JSON.stringify(live)}`);
  }
  if (config.only.has("pglite")) figures.push(...(await pglitePhase(config, dist, load)));

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
    targets: [...checkTargets(figures), ...(live ? checkLiveTargets(live) : [])],
    notes,
    plans,
    ...(live ? { live } : {}),
    ...(liveBefore ? { live_before: liveBefore } : {}),
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
  await writeProfileSummaries(loadConfig().output).catch((error: unknown) => console.error("profile summary:", error));
}
