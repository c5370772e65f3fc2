"use client";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * Says whether the streamed page around it has hydrated: `pending` in the server's HTML, `done` once
 * React runs it. Browser tests wait for it (the shell's marker on <html> comes earlier, with the layout).
 */
export function PageHydration() {
  return <span hidden data-page-hydration={useHydrated() ? "done" : "pending"} />;
}
