/** The API server process: `node dist/main.js` (API_PORT, default 3001). */
import { createApiServer } from "./http";
import { startRuntime } from "./start";

const port = Number(process.env.API_PORT ?? 3001);
const host = process.env.API_HOST ?? "127.0.0.1";

const runtime = await startRuntime();
const server = createApiServer({ db: runtime.db });

server.listen(port, host, () => {
  console.log(`Plano API listening on http://${host}:${port} (tRPC /api/trpc, REST /api/v1)`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the API server`);
  server.close();
  server.closeAllConnections();
  await runtime.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
