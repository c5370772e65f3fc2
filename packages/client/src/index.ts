/**
 * The typed tRPC client for internal services:
 *
 *   const plano = createPlanoClient({ url: "http://127.0.0.1:3001/api/trpc", token, application: "planoorder" });
 *   const { appointment } = await plano.appointment.update.mutate({ id, updatedAtMt, patch: { notes: "…" } });
 */
import type { AppRouter } from "@plano/api";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
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
  /**
   * For subscriptions (`appointment.onChange`, over server-sent events): an
   * EventSource class that takes a `fetch` option, such as the `eventsource`
   * package's (Node has no EventSource of its own before v22).
   */
  EventSource?: new (url: string, init?: { fetch?: typeof fetch }) => EventSource;
}

export function createPlanoClient({ url, token, application, batch = true, fetch, EventSource }: PlanoClientOptions) {
  const headers = () => ({
    authorization: `Bearer ${token}`,
    ...(application ? { "x-plano-application": application } : {}),
  });
  // Longer batches are split here rather than refused by the server.
  const link = batch
    ? httpBatchLink({ url, headers, transformer: superjson, fetch, maxItems: TRPC_MAX_BATCH_CALLS })
    : httpLink({ url, headers, transformer: superjson, fetch });
  if (!EventSource) return createTRPCClient<AppRouter>({ links: [link] });
  const baseFetch = fetch ?? globalThis.fetch;
  const subscriptions = httpSubscriptionLink({
    url,
    transformer: superjson,
    EventSource: EventSource as never,
    // The token goes in a header, as for every other call, through the EventSource's fetch.
    eventSourceOptions: () =>
      ({
        fetch: (input: RequestInfo | URL, init?: RequestInit) =>
          baseFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers() } }),
      }) as never,
  });
  return createTRPCClient<AppRouter>({ links: [splitLink({ condition: (op) => op.type === "subscription", true: subscriptions, false: link })] });
}

export type PlanoClient = ReturnType<typeof createPlanoClient>;
