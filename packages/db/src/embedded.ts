/**
 * The embedded default database: PGlite persisted in a data directory, served
 * over the Postgres wire protocol on 127.0.0.1 (see pglite-wire-server.ts), so
 * the app reaches it through the same `pg` + Prisma adapter path as a real server.
 * Both run in a worker thread of the opening process (embedded-worker.ts).
 *
 * Only one process may open a data directory. The first one (normally the API
 * server) owns it and records its address in `server.json`; later processes
 * (the CLI while the server runs) connect to that address instead.
 */
import { mkdir, open, readFile, rm, writeFile } from "node:fs/promises";
import { EventEmitter } from "node:events";
import path from "node:path";
import { Worker } from "node:worker_threads";
import pg from "pg";
import type { WorkerInput, WorkerMessage } from "./embedded-worker";
import { repoRoot } from "./paths";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process opened the data directory (and must close it). */
  owner: boolean;
  /**
   * In-process notifications, where NOTIFY cannot travel over a socket: the
   * owner of an embedded database hears them here (only on the channels in
   * `EMBEDDED_LISTEN_CHANNELS`). Undefined otherwise: use LISTEN on `url`.
   */
  notifications?: EventEmitter;
  close(): Promise<void>;
}

/** Channels the embedded backend LISTENs on for its owner (see NotificationSniffer). */
export const EMBEDDED_LISTEN_CHANNELS = ["plano_appointment_change"];

interface ServerRecord {
  pid: number;
  url: string;
}

/** The data directory: the configured one (PLANO_DATA_DIR, parsed by the entry point), else `.data/` at the root. */
export function defaultDataDir(configured?: string): string {
  return path.resolve(configured ?? path.join(repoRoot, ".data"));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the owner's server answers. Generous: the single backend may be busy
 * with the owner's own work (migrations at start-up, a bulk seed) for a while.
 */
async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function readServerRecord(file: string): Promise<ServerRecord | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as ServerRecord;
  } catch {
    return undefined;
  }
}

/** Takes the directory's lock file, or reports the live process that holds it. */
async function acquireLock(lockFile: string): Promise<{ heldBy?: number }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await readFile(lockFile, "utf8").catch(() => "0"));
      if (holder && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
      await rm(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

export interface OpenEmbeddedOptions {
  dataDir?: string;
}

export async function openEmbeddedDatabase({ dataDir = defaultDataDir() }: OpenEmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const serverFile = path.join(dataDir, "server.json");
  const lockFile = path.join(dataDir, "pglite.lock");

  const { heldBy } = await acquireLock(lockFile);
  if (heldBy) {
    // Another process owns the directory: use its socket server.
    const record = await readServerRecord(serverFile);
    if (record && record.pid === heldBy && (await canConnect(record.url))) {
      return { url: record.url, owner: false, close: async () => {} };
    }
    throw new Error(`The embedded database in ${dataDir} is open in process ${heldBy}, which does not answer. Stop it, or set DATABASE_URL.`);
  }

  let backend: Awaited<ReturnType<typeof startBackend>>;
  try {
    backend = await startBackend({ pgdata: path.join(dataDir, "pgdata"), channels: EMBEDDED_LISTEN_CHANNELS });
  } catch (error) {
    await rm(lockFile, { force: true });
    throw error;
  }
  const { url, notifications } = backend;
  await writeFile(serverFile, JSON.stringify({ pid: process.pid, url } satisfies ServerRecord));

  let closed = false;
  return {
    url,
    owner: true,
    notifications,
    async close() {
      if (closed) return;
      closed = true;
      await backend.close();
      await rm(serverFile, { force: true });
      await rm(lockFile, { force: true });
    },
  };
}

/**
 * The worker's entry: the bundle's `embedded-worker.js` beside this chunk
 * (apps/server's tsup entry), or the TypeScript source, loaded through tsx,
 * when this module runs from source (tests, `npm run cli`).
 */
function workerFor(input: WorkerInput): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSource ? "./embedded-worker.ts" : "./embedded-worker.js", import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: input });
  // A worker's own entry module is loaded before `--import` hooks apply: register tsx first, then import it
  // (tsx, a dev dependency, resolves from the working directory: the repository when running from source).
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

/** Starts PGlite and its wire server in a worker thread; resolves once it listens. */
function startBackend(input: WorkerInput): Promise<{ url: string; notifications: EventEmitter; close(): Promise<void> }> {
  const worker = workerFor(input);
  const notifications = new EventEmitter();
  notifications.setMaxListeners(0);
  let closing: Promise<void> | undefined;
  let ready = false;
  return new Promise((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "notification") notifications.emit(message.channel, message.payload);
      else if (message.type === "failed") reject(new Error(`The embedded database could not start: ${message.message}`));
      else if (message.type === "ready") {
        ready = true;
        resolve({
          url: message.url,
          notifications,
          close() {
            closing ??= new Promise<void>((done) => {
              worker.once("exit", () => done());
              worker.postMessage({ type: "close" });
            });
            return closing;
          },
        });
      }
    });
    // Before it is ready, a failure fails start-up. After, the process has lost its database and cannot serve:
    // it ends as on any fatal error (thrown, uncaught) rather than answering every request with an error.
    const lost = (why: Error) => {
      if (!ready) reject(why);
      else if (!closing) {
        setImmediate(() => {
          throw why;
        });
      }
    };
    worker.once("error", (error) => lost(new Error("The embedded database's thread failed", { cause: error })));
    worker.once("exit", (code) => lost(new Error(`The embedded database's thread exited (code ${code})`)));
  });
}

export interface ResolveDatabaseOptions extends OpenEmbeddedOptions {
  /** A PostgreSQL server (DATABASE_URL); unset: the embedded database. */
  databaseUrl?: string;
}

/**
 * The database this process should use: `databaseUrl` when given, otherwise the
 * embedded one (opened here, or shared with the process that owns it).
 */
export async function resolveDatabase({ databaseUrl, ...options }: ResolveDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  if (databaseUrl) return { url: databaseUrl, owner: false, close: async () => {} };
  return openEmbeddedDatabase(options);
}
