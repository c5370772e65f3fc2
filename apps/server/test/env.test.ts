/**
 * The environment is parsed once at start: a bad value of every kind is
 * refused naming the variable, and the server, the CLI and `db:migrate` stop
 * before touching anything (OUTBOX_RETRY_EVERY_MS=abc used to make the outbox
 * poll the database every millisecond).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EnvError, mandrillSettingsOf, parseServerEnv, webhookSettingsOf } from "../src/env";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("parseServerEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({ API_PORT: 3001, API_HOST: "127.0.0.1", OUTBOX_RETRY_EVERY_MS: 30_000, WEBHOOK_ALLOWED_NETWORKS: [] });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats a blank value as unset", () => {
    expect(parseServerEnv({ OUTBOX_RETRY_EVERY_MS: "  ", DATABASE_URL: "", MANDRILL_API_KEY: " " })).toMatchObject({
      OUTBOX_RETRY_EVERY_MS: 30_000,
      DATABASE_URL: undefined,
      MANDRILL_API_KEY: undefined,
    });
  });

  it("reads good values into their types", () => {
    const env = parseServerEnv({
      API_PORT: "4123",
      OUTBOX_RETRY_EVERY_MS: "5000",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/plano",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      WEBHOOK_CONCURRENCY: "8",
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8, ::1/128",
      TRUSTED_PROXIES: "10.0.0.1,10.0.0.2",
      COOKIE_SECURE: "off",
      MANDRILL_API_KEY: " key ",
      MANDRILL_TIMEOUT_MS: "2500",
    });
    expect(env).toMatchObject({
      API_PORT: 4123,
      OUTBOX_RETRY_EVERY_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
      WEBHOOK_CONCURRENCY: 8,
      WEBHOOK_ALLOWED_NETWORKS: ["127.0.0.0/8", "::1/128"],
      TRUSTED_PROXIES: ["10.0.0.1", "10.0.0.2"],
      COOKIE_SECURE: false,
    });
    expect(mandrillSettingsOf(env)).toMatchObject({ apiKey: "key", timeoutMs: 2500 });
    expect(webhookSettingsOf(env)).toMatchObject({ concurrency: 8, allowedNetworks: ["127.0.0.0/8", "::1/128"] });
  });

  // One bad value of each kind; the error must name the variable and show the value.
  it.each([
    ["OUTBOX_RETRY_EVERY_MS", "abc"],
    ["OUTBOX_RETRY_EVERY_MS", "0"],
    ["OUTBOX_RETRY_EVERY_MS", "1e3"],
    ["API_PORT", "70000"],
    ["API_PORT", "http"],
    ["DATABASE_URL", "mysql://root@localhost/plano"],
    ["DATABASE_URL", "not a url"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "-1"],
    ["DATABASE_CONNECT_TIMEOUT_MS", "2.5"],
    ["DATABASE_TRANSACTION_MAX_WAIT_MS", "soon"],
    ["MANDRILL_BASE_URL", "ftp://mandrill.example"],
    ["MANDRILL_TIMEOUT_MS", "0"],
    ["MANDRILL_FROM_EMAIL", "desk at plano"],
    ["WEBHOOK_CONCURRENCY", "1.5"],
    ["WEBHOOK_TIMEOUT_MS", "ten"],
    ["WEBHOOK_POLL_MS", "0"],
    ["WEBHOOK_RETRY_WINDOW_MS", "-5"],
    ["WEBHOOK_BASE_DELAY_MS", "NaN"],
    ["WEBHOOK_ALLOWED_NETWORKS", "10.0.0.0/99"],
    ["WEBHOOK_ALLOWED_NETWORKS", "localhost"],
    ["PUBLIC_URL", "plano.example.com"],
    ["COOKIE_SECURE", "maybe"],
  ])("refuses %s=%s naming it", (name, value) => {
    expect(() => parseServerEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseServerEnv({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}`);
  });

  it("names every bad variable at once", () => {
    expect(() => parseServerEnv({ API_PORT: "x", COOKIE_SECURE: "maybe" })).toThrow(/API_PORT="x".*\n.*COOKIE_SECURE="maybe"/);
  });
});

describe("entry points stop on a bad value before starting", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "plano-env-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(entry: string, env: Record<string, string>, args: string[] = []) {
    // No DATABASE_URL and a fresh data directory: had the check not stopped it, the process would open a database.
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    return spawnSync(process.execPath, ["--import", "tsx", path.join(root, entry), ...args], {
      cwd: root,
      env: { ...inherited, PLANO_DATA_DIR: dataDir, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
  }

  it("the API server refuses OUTBOX_RETRY_EVERY_MS=abc", () => {
    const result = start("apps/server/src/main.ts", { OUTBOX_RETRY_EVERY_MS: "abc", API_PORT: "4190" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('OUTBOX_RETRY_EVERY_MS="abc"');
    expect(result.stdout).not.toContain("listening");
  });

  it("the CLI refuses a bad DATABASE_STATEMENT_TIMEOUT_MS", () => {
    const result = start("apps/server/src/cli/main.ts", { DATABASE_STATEMENT_TIMEOUT_MS: "forever" }, ["webhook:list"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_STATEMENT_TIMEOUT_MS="forever"');
  });

  it("db:migrate refuses a DATABASE_URL that is not PostgreSQL's", () => {
    const result = start("packages/db/src/cli/migrate.ts", { DATABASE_URL: "mysql://root@localhost/plano" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL");
  });
});
