/**
 * The typed tRPC client for services, inside the monorepo or installed from
 * the package (`npm run pack -w @plano/client`; see README.md):
 *
 *   const plano = createPlanoClient({ url: "http://127.0.0.1:3001/api/trpc", token, application: "planoorder" });
 *   const { appointment } = await plano.appointment.update.mutate({ id, updatedAtMt, patch: { notes: "…" } });
 */
// The subpath, not the schema's index: the built package inlines this constant and nothing of zod.
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema/limits";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink, type TRPCLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "./router";

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
/** @public Part of the published client's API. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export { TRPCClientError } from "@trpc/client";

/** What an EventSource implementation must offer for subscriptions: the `eventsource` package (v3+) fits. */
export interface EventSourceWithFetch {
  // The instance is typed loosely so these declarations need no DOM library (Node services rarely have it).
  new (url: string, init?: { fetch?: (input: string | URL, init?: RequestInit) => Promise<Response> }): object;
}

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
   * For subscriptions (server-sent events): an EventSource that accepts a
   * `fetch` option, such as the `eventsource` package's, so the token can be
   * sent as a header (a browser's EventSource cannot send headers).
   */
  EventSource?: EventSourceWithFetch;
}

export function createPlanoClient({ url, token, application, batch = true, fetch, EventSource }: PlanoClientOptions) {
  const headers = () => ({
    authorization: `Bearer ${token}`,
    ...(application ? { "x-plano-application": application } : {}),
  });
  // Longer batches are split here rather than refused by the server.
  const requests: TRPCLink<AppRouter> = batch
    ? httpBatchLink({ url, headers, transformer: superjson, fetch, maxItems: TRPC_MAX_BATCH_CALLS })
    : httpLink({ url, headers, transformer: superjson, fetch });
  if (!EventSource) return createTRPCClient<AppRouter>({ links: [requests] });

  const send = fetch ?? globalThis.fetch;
  const subscriptions = httpSubscriptionLink({
    url,
    transformer: superjson,
    EventSource: EventSource as unknown as typeof globalThis.EventSource,
    // The `eventsource` package's init takes a fetch: the token goes as a header, never in the URL.
    eventSourceOptions: () =>
      ({
        fetch: (input: string | URL, init?: RequestInit) => send(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers() } }),
      }) as EventSourceInit,
  });
  return createTRPCClient<AppRouter>({
    links: [splitLink({ condition: (op) => op.type === "subscription", true: subscriptions, false: requests })],
  });
}

export type PlanoClient = ReturnType<typeof createPlanoClient>;
