/**
 * The embedded database's own thread: PGlite (Postgres compiled to WASM) and
 * its wire server run here, so the backend's work runs beside the API's
 * JavaScript instead of taking turns with it on the main thread (issue 13: on
 * the main thread, each update paid for both, one after the other).
 *
 * Protocol with the opener (embedded.ts): it starts this worker with
 * `WorkerInput`; the worker answers `{ type: "ready", url }` or
 * `{ type: "failed", message }`, forwards each NOTIFY as
 * `{ type: "notification", channel, payload }`, and on `{ type: "close" }`
 * closes the server and PGlite (flushing its data directory) and answers
 * `{ type: "closed" }`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { servePGlite } from "./pglite-wire-server";

export interface WorkerInput {
  pgdata: string;
  /** Channels the one backend LISTENs on; their NOTIFYs are forwarded to the opener. */
  channels: readonly string[];
}

export type WorkerMessage =
  | { type: "ready"; url: string }
  | { type: "failed"; message: string }
  | { type: "notification"; channel: string; payload: string }
  | { type: "closed" };

const port = parentPort;
if (!port) throw new Error("embedded-worker.ts runs as a worker thread (see openEmbeddedDatabase)");
const post = (message: WorkerMessage) => port.postMessage(message);
const { pgdata, channels } = workerData as WorkerInput;

try {
  const pglite = await PGlite.create(pgdata, { extensions: { pg_trgm } });
  for (const channel of channels) await pglite.exec(`LISTEN ${channel}`);
  const server = await servePGlite(pglite, { onNotification: (channel, payload) => post({ type: "notification", channel, payload }) });
  port.on("message", async (message: { type?: string }) => {
    if (message.type !== "close") return;
    try {
      await server.close();
      await pglite.close();
    } finally {
      post({ type: "closed" });
      port.close();
    }
  });
  post({ type: "ready", url: server.url });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  port.close();
}
