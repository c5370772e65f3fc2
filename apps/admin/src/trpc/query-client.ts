/**
 * One QueryClient recipe for the server (prefetch) and the browser (hydrate),
 * so data crosses from one to the other through the same transformer the API
 * uses: dates and other non-JSON values survive the trip.
 */
import { MutationCache, QueryCache, QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";
import superjson from "superjson";

/** `onError` sees every failed query and mutation (the browser uses it for expired sessions). */
export function makeQueryClient({ onError }: { onError?: (error: unknown) => void } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Hydrated data is fresh: do not refetch it the moment the page becomes interactive.
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !isClientError(error),
      },
      dehydrate: {
        serializeData: superjson.serialize,
        // Pending queries go along too, so a slow prefetch streams instead of blocking.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

/** 4xx answers (bad input, expired session, not found) do not get better by retrying. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}
