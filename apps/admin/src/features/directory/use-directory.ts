"use client";
import { api } from "~/trpc/react";

/** Offices and photographers change rarely: cached for the session's lifetime of the page. */
const directoryOptions = { staleTime: 5 * 60_000 } as const;

export function useOffices() {
  return api.directory.offices.useQuery(undefined, directoryOptions);
}

export function usePhotographers() {
  return api.directory.photographers.useQuery(undefined, directoryOptions);
}
