/**
 * Smoke test of `npm start`: the real processes (production builds, which
 * `npm test` makes first) on a fresh embedded database, and on a fresh
 * PostgreSQL database (DATABASE_URL). Calls the API over
 * HTTP through the admin's origin and the server's own port, uses the CLI
 * while the server holds the database, then stops everything with SIGINT.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPlanoClient } from "@plano/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("npm start on the embedded database", () => {
  let running: Awaited<ReturnType<typeof startApp>>;
  let dataDir: string;
  let port: number;
  let apiPort: number;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "plano-smoke-"));
    [port, apiPort] = [await freePort(), await freePort()];
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, PORT: String(port), API_PORT: String(apiPort), PLANO_DATA_DIR: dataDir, PLANO_SKIP_BUILD: "1" };
    running = await startApp(env);
  }, 320_000);

  afterAll(() => {
    running?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const tokenFromOutput = () => running.output().match(/App token:\s+(pla_\S+)/)?.[1];

  it("prints a scheduler login and an application token on first run", () => {
    expect(running.output()).toMatch(/Login:\s+scheduler@plano\.local \/ \S{8,}/);
    expect(tokenFromOutput()).toBeDefined();
  });

  it("serves the typed tRPC API on the server's port and through the admin's proxy", async () => {
    for (const origin of [`http://127.0.0.1:${apiPort}`, `http://127.0.0.1:${port}`]) {
      const plano = createPlanoClient({ url: `${origin}/api/trpc`, token: tokenFromOutput()! });
      const page = await plano.appointment.list.query({ limit: 5 });
      expect(page.appointments).toHaveLength(5);
      const [first] = page.appointments;
      const { appointment } = await plano.appointment.update.mutate({
        id: first!.id,
        updatedAtMt: first!.updatedAtMt,
        patch: { notes: `smoke via ${origin}` },
      });
      expect(appointment.notes).toBe(`smoke via ${origin}`);
      expect(Date.parse(appointment.updatedAtMt)).toBeGreaterThan(Date.parse(first!.updatedAtMt));
    }
  });

  it("answers the legacy REST API through the admin's proxy", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/appointments/list`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokenFromOutput()!, limit: "2" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; data: { appointments: unknown[] } };
    expect(body.status).toBe("action-successful");
    expect(body.data.appointments).toHaveLength(2);
  });

  it("lets the CLI work while the server holds the embedded database", () => {
    const result = spawnSync(process.execPath, ["apps/server/dist/cli.js", "session:create", "--email", "scheduler@plano.local"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(result.stderr).not.toMatch(/failed/);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).token).toMatch(/^pls_/);
  });

  it("stops both processes cleanly on Ctrl-C", async () => {
    expect(await running.stop()).toBe(0);
    for (const p of [port, apiPort]) {
      await expect(fetch(`http://127.0.0.1:${p}/`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
    }
  }, 30_000);
});

/** Runs `npm start` until it says it is ready; resolves with its output and a way to stop it. */
async function startApp(env: NodeJS.ProcessEnv) {
  const app = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env: { ...env, PLANO_SKIP_BUILD: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 300_000);
    const check = setInterval(() => {
      if (output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 100);
    app.once("exit", (code) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    output: () => output,
    async stop() {
      if (app.exitCode !== null) return app.exitCode;
      const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
      app.kill("SIGINT");
      return exited;
    },
    kill: () => app.exitCode === null && app.kill("SIGKILL"),
  };
}

/** Signs in through the admin's proxy, as the login page does: the printed login must work. */
async function signIn(origin: string, email: string, password: string) {
  const response = await fetch(`${origin}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: { email, password, rememberMe: false } }),
  });
  return response.status;
}

describe("npm start on PostgreSQL (DATABASE_URL)", () => {
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `plano_smoke_${process.pid}_${Date.now()}`;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let running: Awaited<ReturnType<typeof startApp>> | undefined;

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: serverUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    // A data folder that does not exist yet: with DATABASE_URL nothing else creates it.
    dataDir = path.join(mkdtempSync(path.join(tmpdir(), "plano-smoke-pg-")), "data");
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${name}`;
    [port] = [await freePort()];
    env = { ...process.env, DATABASE_URL: databaseUrl.toString(), PORT: String(port), API_PORT: String(await freePort()), PLANO_DATA_DIR: dataDir };
  }, 60_000);

  afterAll(async () => {
    running?.kill();
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  const loginOf = (output: string) => output.match(/Login:\s+(\S+@\S+) \/ (\S+)/)?.slice(1, 3) as [string, string] | undefined;

  it("seeds a fresh database on the first run and prints a login that works, and an application token", async () => {
    running = await startApp(env);
    const output = running.output();
    const [email, password] = loginOf(output)!;
    expect(email).toBe("scheduler@plano.local");
    expect(output).toMatch(/App token:\s+pla_\S+/);
    expect(await signIn(`http://127.0.0.1:${port}`, email, password)).toBe(200);
    expect(await running.stop()).toBe(0);
  }, 320_000);

  it("shows the same login on the next run", async () => {
    const first = readFileSync(path.join(dataDir, "demo-login.json"), "utf8");
    running = await startApp(env);
    const [email, password] = loginOf(running.output())!;
    expect(password).toBe((JSON.parse(first) as { password: string }).password);
    expect(await signIn(`http://127.0.0.1:${port}`, email, password)).toBe(200);
    expect(await running.stop()).toBe(0);
  }, 320_000);

  it("gives the demo login a new password, and says so, when this data folder does not have it", async () => {
    rmSync(dataDir, { recursive: true, force: true });
    running = await startApp(env);
    const output = running.output();
    const [email, password] = loginOf(output)!;
    expect(output).toMatch(/a new password/);
    expect(await signIn(`http://127.0.0.1:${port}`, email, password)).toBe(200);
    expect(await running.stop()).toBe(0);
  }, 320_000);
});
