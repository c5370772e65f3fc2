"use client";
/**
 * The dialog (Radix), fetched when a page first opens one rather than with
 * the page: render it only while open. Pages whose dialog opens on its own
 * (the conflict view) load that whole view lazily instead. React's own lazy,
 * not next/dynamic: a dialog is never open in the server's HTML, and
 * next/dynamic's loader is ~2 kB more of every page that uses it.
 */
import { type ComponentProps, lazy, Suspense } from "react";
import type { Dialog } from "./dialog";

const LoadedDialog = lazy(() => import("./dialog").then((module) => ({ default: module.Dialog })));

export function LazyDialog(props: ComponentProps<typeof Dialog>) {
  return (
    <Suspense fallback={null}>
      <LoadedDialog {...props} />
    </Suspense>
  );
}
