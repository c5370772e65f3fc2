"use client";
/**
 * The browser side of tRPC: the typed hooks (`api.appointment.list.useQuery`)
 * and the provider. Calls go to this app's own /api/trpc, which Next proxies
 * to the API server, so the session cookie stays first-party.
 */
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact } from "@trpc/react-query";
import type { AppRouter, RouterOutputs } from "@plano/api";
import { useEffect, useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPC_MAX_BATCH_CALLS } from "@plano/schema";
import { adminApiHeaders } from "~/lib/api-headers";
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
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: () => adminApiHeaders, maxItems: TRPC_MAX_BATCH_CALLS })],
    }),
  );
  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  );
}

