#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: build what is needed, start the API server (API_PORT, default
 * 3001) and the admin app (PORT, default 3000, which proxies /api/* to the
 * API server), on the embedded database unless DATABASE_URL is set. On the
 * first run it seeds demo data and prints a scheduler login and an
 * application token. Ctrl-C stops both.
 */
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { processEnv, stopChild, waitForHttp } from "./processes.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Its own variables, parsed once (zod); the API server and the admin check the rest when they start.
/** @param {number} fallback */
const portVar = (fallback) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^\d+$/, "expected a TCP port").transform(Number).pipe(z.number().min(1).max(65_535)).optional().default(fallback),
  );
const parsed = z.object({ PORT: portVar(3000), API_PORT: portVar(3001), PLANO_SKIP_BUILD: z.enum(["", "0", "1"]).optional() }).safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${String(issue.path[0])}=${JSON.stringify(process.env[String(issue.path[0])] ?? "")}: ${issue.message}`);
  process.exit(1);
}
const { PORT: adminPort, API_PORT: apiPort, PLANO_SKIP_BUILD: skipBuild } = parsed.data;
const env = processEnv({ API_PORT: String(apiPort), API_URL: `http://127.0.0.1:${apiPort}` });

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  return result;
}

if (skipBuild !== "1") {
  console.log("Building the API server and the admin app (cached after the first time)…");
  run(process.execPath, ["node_modules/turbo/bin/turbo", "run", "build", "--filter=@plano/server", "--filter=@plano/admin", "--output-logs=errors-only"]);
}

/** @type {import("node:child_process").ChildProcess[]} */
const children = [];
let stopping = false;

/** @param {number} code */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  // The admin first (it only proxies), then the API server, which closes the database.
  for (const child of [...children].reverse()) await stopChild(child);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/**
 * @param {string} name
 * @param {string[]} args
 */
function start(name, args, cwd = root) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`);
      void shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

start("API server", ["apps/server/dist/main.js"]);
// Generous: a first start on the embedded database (PGlite + every migration) took 83 s on a busy 2-core machine.
await waitForHttp(`http://127.0.0.1:${apiPort}/healthz`, 180_000);

const demo = spawnSync(process.execPath, ["apps/server/dist/cli.js", "demo:setup"], { cwd: root, env, encoding: "utf8" });
if (demo.status !== 0) {
  console.error(demo.stderr);
  await shutdown(1);
}
const login = JSON.parse(demo.stdout);

start("admin", ["node_modules/next/dist/bin/next", "start", "apps/admin", "-p", String(adminPort), "-H", "127.0.0.1"]);
await waitForHttp(`http://127.0.0.1:${adminPort}/login`, 60_000);

console.log(`
Plano Appointments is running.
  Admin:      http://127.0.0.1:${adminPort}   (API proxied at /api/trpc and /api/v1)
  API server: http://127.0.0.1:${apiPort}
  Database:   ${process.env.DATABASE_URL ? "DATABASE_URL" : `embedded PGlite in ${process.env.PLANO_DATA_DIR ?? ".data/"}`}
  Login:      ${login.email} / ${login.password}${login.passwordReset ? "   (a new password: the saved one was not in this data folder)" : ""}${
    login.created
      ? `
  App token:  ${login.applicationToken}  (application ${login.application}; shown once)
  Seeded:     ${login.appointments} appointments, ${login.offices} offices, ${login.photographers} photographers`
      : ""
  }
Press Ctrl-C to stop.`);
