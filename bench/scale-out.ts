/**
 * Scale-out: N processes of the production API server sharing one port.
 * Node's cluster primary accepts the connections and hands them to the
 * workers round-robin (the default on Linux), so, unlike a byte-copying
 * proxy, it costs nothing per request once a connection is placed.
 *
 *   WORKERS=2 API_PORT=3001 DATABASE_URL=… node --import tsx bench/scale-out.ts
 */
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv, scaleOutSchema } from "./lib/env";

const env = parseEnv(scaleOutSchema);
const workers = env.WORKERS;
const serverMain = env.BENCH_SERVER_MAIN ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../apps/server/dist/main.js");

cluster.schedulingPolicy = cluster.SCHED_RR;
// The workers run the production build as plain node, without this launcher's loader.
cluster.setupPrimary({ exec: serverMain, execArgv: [] });
for (let i = 0; i < workers; i++) cluster.fork();

let stopping = false;
cluster.on("exit", (worker, code) => {
  if (!stopping) {
    console.error(`API worker ${worker.process.pid} exited (${code}); stopping`);
    process.exit(1);
  }
});
process.on("SIGTERM", () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  const wait = setInterval(() => {
    if (Object.keys(cluster.workers ?? {}).length === 0) {
      clearInterval(wait);
      process.exit(0);
    }
  }, 50);
});
