/**
 * Update and read, one figure per layer and concurrency, all layers on the
 * same appointments of the same database.
 */
import { settleWrites, slicesFor } from "../lib/database";
import type { FigureSpec } from "../lib/figures";
import type { LoadGenerator } from "../lib/load";
import type { ServerProcess } from "../lib/processes";
import type { Layer, Target } from "../lib/protocols";

export interface LayerServer {
  layer: Layer;
  /** How the table names it when it is not just the layer, e.g. "trpc@before" for another build. */
  label?: string;
  server: ServerProcess;
  /** Whether the RSS/CPU of `server` belongs to this layer alone (false for a shared front like a proxy). */
  watch?: boolean;
}

export interface CrudContext {
  load: LoadGenerator;
  /** Where the versions are read from between runs. */
  databaseUrl: string;
  token: string;
  ids: number[];
  perConnection: number;
}

export function crudSpec(
  ctx: CrudContext,
  scenario: string,
  operation: "update" | "read" | "update-layout",
  { layer, label = layer, server, watch = true }: LayerServer,
  connections: number,
): FigureSpec {
  const ids = ctx.ids.slice(0, connections * ctx.perConnection);
  if (ids.length < connections) throw new Error(`${scenario}: ${ids.length} appointments cannot give ${connections} connections one each`);
  return {
    scenario,
    layer: label,
    connections,
    ...(watch ? { server } : {}),
    async load(durationS) {
      let slices: Target[][];
      if (operation !== "read") {
        await settleWrites(ctx.databaseUrl, ids);
        slices = await slicesFor(ctx.databaseUrl, ids, connections);
      } else {
        slices = Array.from({ length: connections }, (_, c) => ids.filter((_, i) => i % connections === c).map((id) => ({ id, version: "" })));
      }
      return ctx.load.run({ origin: server.origin, layer, token: ctx.token, operation, slices, connections, durationS });
    },
  };
}
