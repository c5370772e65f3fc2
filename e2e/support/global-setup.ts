/**
 * Before the browser tests: a fresh database, the production builds of the
 * API server (which migrates the database on start) and the admin on free
 * ports, a scheduler to sign in as, some appointments, and an application
 * token for changes made "elsewhere" while a page is open.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEDULER, STATE_FILE_ENV } from "./environment";
import globalTeardown from "./global-teardown";
import { type E2eState, databaseUrl, freePort, onDatabaseServer, repoRoot, runCli, startProcess, waitForHttp, writeState } from "./servers";

const builds = {
  "apps/server/dist/main.js": "the API server",
  "apps/server/dist/cli.js": "the API server's CLI",
  "apps/admin/.next/BUILD_ID": "the admin app",
};

export default async function globalSetup() {
  const missing = Object.entries(builds).filter(([file]) => !existsSync(path.join(repoRoot, file)));
  if (missing.length > 0) {
    throw new Error(`Build first: ${missing.map(([, what]) => what).join(", ")} (npx turbo run build --filter=@plano/server --filter=@plano/admin)`);
  }

  const stateFile = path.join(tmpdir(), `plano-e2e-${process.pid}.json`);
  process.env[STATE_FILE_ENV] = stateFile;
  const state: E2eState = { serverUrl: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", pids: [] };
  try {
    await start(state, stateFile);
  } catch (error) {
    await globalTeardown();
    throw error;
  }
}

async function start(state: E2eState, stateFile: string) {
  state.databaseName = `plano_e2e_${Date.now().toString(36)}_${process.pid}`;
  writeState(stateFile, state);
  await onDatabaseServer(state.serverUrl, `CREATE DATABASE "${state.databaseName}"`);
  const database = databaseUrl(state.serverUrl, state.databaseName);

  const [apiPort, adminPort, mandrillPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const serverEnv = {
    ...process.env,
    DATABASE_URL: database,
    API_PORT: String(apiPort),
    // Client emails go to a port where nothing listens until a test puts a stand-in there (e2e/support/mandrill.ts),
    // and are retried only when a test asks: the notifications test needs a failed email that stays failed.
    MANDRILL_API_KEY: "e2e",
    MANDRILL_BASE_URL: `http://127.0.0.1:${mandrillPort}/api/1.0`,
    OUTBOX_RETRY_EVERY_MS: String(60 * 60 * 1000),
    // The webhook test's receiver listens on loopback, which only configuration allows.
    WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8",
    WEBHOOK_POLL_MS: "100",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const api = startProcess("api", ["apps/server/dist/main.js"], { env: serverEnv });
  state.pids.push(api.pid!);
  writeState(stateFile, state);
  await waitForHttp(`${apiUrl}/healthz`, 60_000, api);

  runCli(
    ["user:create", "--email", SCHEDULER.email, "--name", SCHEDULER.name, "--password", SCHEDULER.password, "--employee", "--role", "planoauth:scheduler"],
    serverEnv,
  );
  runCli(["seed", "--appointments", "400"], serverEnv);
  const { token } = runCli(["app-token:create", "--application", "planoorder", "--name", "e2e"], serverEnv);

  const admin = startProcess("admin", [path.join(repoRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(adminPort), "-H", "127.0.0.1"], {
    cwd: path.join(repoRoot, "apps/admin"),
    env: { ...serverEnv, API_URL: apiUrl, PORT: String(adminPort) },
  });
  state.pids.push(admin.pid!);
  writeState(stateFile, state);
  await waitForHttp(`${adminUrl}/login`, 60_000, admin);

  Object.assign(process.env, {
    PLANO_E2E_ADMIN_URL: adminUrl,
    PLANO_E2E_API_URL: apiUrl,
    PLANO_E2E_DATABASE_URL: database,
    PLANO_E2E_APP_TOKEN: String(token),
    PLANO_E2E_MANDRILL_PORT: String(mandrillPort),
  });
}
