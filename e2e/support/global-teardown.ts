/** After the browser tests: stop the servers the setup started (by PID) and drop its database. */
import { rmSync } from "node:fs";
import { STATE_FILE_ENV } from "./environment";
import { onDatabaseServer, readState, stopPids } from "./servers";

export default async function globalTeardown() {
  const stateFile = process.env[STATE_FILE_ENV];
  const state = stateFile ? readState(stateFile) : undefined;
  if (!stateFile || !state) return;
  await stopPids(state.pids);
  if (state.databaseName) await onDatabaseServer(state.serverUrl, `DROP DATABASE IF EXISTS "${state.databaseName}" WITH (FORCE)`);
  rmSync(stateFile, { force: true });
}
