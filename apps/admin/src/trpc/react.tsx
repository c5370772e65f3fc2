"use client";
/**
 * The browser side of tRPC: the typed hooks (`api.appointment.list.useQuery`)
 * and the provider. Calls go to this app's own /api/trpc, which Next proxies
 * to the API server, so the session cookie stays first-party.
 */
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { httpBatchLink, httpSubscriptionLink, retryLink, splitLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { AppRouter, RouterOutputs } from "@plano/api";
import { useEffect, useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema/limits";
import { ADMIN_APPLICATION, adminApiHeaders } from "~/lib/api-headers";
import { loginPathFor } from "~/lib/return-path";
import { needsSignIn } from "./errors";
import { makeQueryClient } from "./query-client";

export const api = createTRPCReact<AppRouter>();
export type { RouterOutputs };

/** An expired session anywhere sends the user to sign in, and back here afterwards. */
function redirectToLoginOnExpiredSession(error: unknown) {
  if (!needsSignIn(error) || window.location.pathname === "/login") return;
  window.location.assign(loginPathFor(window.location.pathname + window.location.search));
}

/** 0.5 s, 1 s, 2 s … at most 5 s between attempts: an API restart is over in seconds, and no retry storm follows an outage. */
export const subscriptionRetryDelayMs = (attempt: number) => Math.min(500 * 2 ** (attempt - 1), 5000);

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // The server renders each request with a fresh client; the browser keeps one.
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserQueryClient) {
    browserQueryClient = makeQueryClient({ onError: redirectToLoginOnExpiredSession });
  }
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  // Marks the page interactive: browser tests wait for it before clicking (a click before hydration does nothing).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          // Live changes over server-sent events. An EventSource sends the session cookie but no
          // headers: the application goes in connectionParams (the API accepts that cookie for
          // subscriptions only). It reconnects by itself after a dropped stream, but gives up when
          // the admin's proxy answers an error (the API process is down or restarting): retryLink
          // then subscribes again, with backoff, resuming after the last event id it saw.
          true: [
            retryLink({ retry: ({ op, error }) => op.type === "subscription" && !error.data, retryDelayMs: subscriptionRetryDelayMs }),
            httpSubscriptionLink({ url: "/api/trpc", transformer: superjson, connectionParams: { application: ADMIN_APPLICATION } }),
          ],
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: () => adminApiHeaders, maxItems: TRPC_MAX_BATCH_CALLS }),
        }),
      ],
    }),
  );
  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}
