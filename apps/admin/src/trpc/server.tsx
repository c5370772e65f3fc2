import "server-only";
/**
 * tRPC for server components: the same procedures, called over HTTP on the
 * API server with the signed-in user's cookie, so pages can prefetch their
 * data and hand it to the client components already loaded (`HydrateClient`).
 * This app never opens the database itself.
 */
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { createTRPCUntypedClient, httpBatchLink, type TRPCUntypedClient } from "@trpc/client";
import type { AppRouter, createCaller } from "@plano/api";
import { cookies } from "next/headers";
import { PageHydration } from "./page-hydration";
import { cache, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema/limits";
import { SESSION_COOKIE, adminApiHeaders } from "~/lib/api-headers";
import { apiServerUrl } from "~/lib/api-server";
import { makeQueryClient } from "./query-client";

/** The shape `createCaller` returns; here every call becomes an HTTP request. */
type Caller = ReturnType<typeof createCaller>;

/** Turns `caller.appointment.list(input)` into a `query("appointment.list", input)` over HTTP. */
function httpCaller(client: TRPCUntypedClient<AppRouter>, path: readonly string[] = []): unknown {
  return new Proxy(() => undefined, {
    get: (_target, key) => (typeof key === "string" ? httpCaller(client, [...path, key]) : undefined),
    apply: (_target, _this, [input]: unknown[]) => client.query(path.join("."), input),
  });
}

function callerFor(sessionToken: string | undefined): Caller {
  const cookie = sessionToken ? { cookie: `${SESSION_COOKIE}=${encodeURIComponent(sessionToken)}` } : {};
  const client = createTRPCUntypedClient<AppRouter>({
    links: [
      httpBatchLink({ url: `${apiServerUrl()}/api/trpc`, transformer: superjson, headers: { ...adminApiHeaders, ...cookie }, maxItems: TRPC_MAX_BATCH_CALLS }),
    ],
  });
  return httpCaller(client) as Caller;
}

/** One QueryClient per request: what a page prefetches is what its HydrateClient sends. */
export const getQueryClient = cache(makeQueryClient);

/** Per request (React's `cache`), keyed by the session so all of a request's calls share one client and batch. */
const helpersFor = cache((sessionToken: string | undefined) => createHydrationHelpers<AppRouter>(callerFor(sessionToken), getQueryClient));

/**
 * `(await serverApi()).auth.me()` or `await (await serverApi()).appointment.list.prefetch(input)`.
 * Reading the cookie here (not inside the HTTP link) is what tells Next the page is per-user and dynamic.
 */
export async function serverApi() {
  const sessionToken = (await cookies()).get(SESSION_COOKIE)?.value;
  return helpersFor(sessionToken).trpc;
}

/** Sends what this request prefetched to the client components below it. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return (
    <HydrationBoundary state={dehydrate(getQueryClient())}>
      {children}
      <PageHydration />
    </HydrationBoundary>
  );
}

/** The error a prefetch of `path` (e.g. "appointment.byId") met in this request, if any: prefetches never throw. */
export function prefetchError(path: string): unknown {
  const query = getQueryClient()
    .getQueryCache()
    .getAll()
    .find((candidate) => Array.isArray(candidate.queryKey[0]) && candidate.queryKey[0].join(".") === path && candidate.state.error);
  return query?.state.error ?? null;
}
