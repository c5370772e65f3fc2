/**
 * The typed tRPC client for internal services:
 *
 *   const plano = createPlanoClient({ url: "http://127.0.0.1:3001/api/trpc", token, application: "planoorder" });
 *   const { appointment } = await plano.appointment.update.mutate({ id, updatedAtMt, patch: { notes: "…" } });
 */
import type { AppRouter } from "@plano/api";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema";
import { createTRPCClient, httpBatchLink, httpLink } from "@trpc/client";
import superjson from "superjson";

export type { AppRouter, RouterInputs, RouterOutputs } from "@plano/api";
export { TRPCClientError } from "@trpc/client";

export interface PlanoClientOptions {
  /** The API server's tRPC endpoint, e.g. http://127.0.0.1:3001/api/trpc */
  url: string;
  /** An application token or a session token. */
  token: string;
  /** The application to act as; defaults to the token's own. */
  application?: "planoauth" | "planoorder" | "planox2";
  /** Batch concurrent calls into one HTTP request (default true). */
  batch?: boolean;
  fetch?: typeof fetch;
}

export function createPlanoClient({ url, token, application, batch = true, fetch }: PlanoClientOptions) {
  const headers = () => ({
    authorization: `Bearer ${token}`,
    ...(application ? { "x-plano-application": application } : {}),
  });
  // Longer batches are split here rather than refused by the server.
  const link = batch
    ? httpBatchLink({ url, headers, transformer: superjson, fetch, maxItems: TRPC_MAX_BATCH_CALLS })
    : httpLink({ url, headers, transformer: superjson, fetch });
  return createTRPCClient<AppRouter>({ links: [link] });
}

export type PlanoClient = ReturnType<typeof createPlanoClient>;
