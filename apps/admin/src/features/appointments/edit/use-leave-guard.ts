"use client";
/**
 * While a form holds unsaved edits, leaving asks first: closing or reloading
 * the tab (the browser's own prompt), an in-app link, and the back button.
 */
import { useEffect } from "react";

const SENTINEL = "planoLeaveGuard";

export const LEAVE_QUESTION = "You have unsaved changes. Leave this page and lose them?";

export function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers show the prompt only with this set
    };
    // Links: Next's <Link> navigates in its own click handler; this capture-phase one runs first.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin || (to.pathname === window.location.pathname && to.search === window.location.search)) return;
      if (!window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Back/forward: a back to another document (e.g. after a full page load) fires no popstate
    // here, only beforeunload, whose prompt cannot say why. So a dirty form puts a sentinel
    // entry (same URL, same router state) on top of its own: back then lands on our own entry
    // in this document, popstate fires, and we ask. A capture listener on window runs before
    // the router's, so the router never sees these same-page steps (no restore, no remount).
    const here = window.location.href;
    const isSentinel = (state: unknown) => (state as Record<string, unknown> | null)?.[SENTINEL] === true;
    const pushSentinel = () =>
      // Copying the current state keeps Next's __NA/tree fields, so its patched pushState passes it through.
      window.history.pushState({ ...(window.history.state ?? {}), [SENTINEL]: true }, "", here);
    if (!isSentinel(window.history.state)) pushSentinel();
    let leaving = false;
    const onPopState = (event: PopStateEvent) => {
      if (leaving) return;
      // Forward onto our sentinel again: still this page.
      if (isSentinel(event.state) && window.location.href === here) {
        event.stopImmediatePropagation();
        return;
      }
      if (window.location.href === here) {
        // Back off the sentinel onto this page's own entry: ask.
        event.stopImmediatePropagation();
        if (window.confirm(LEAVE_QUESTION)) {
          leaving = true;
          // The user already answered: no second (browser) prompt on the way out.
          window.removeEventListener("beforeunload", onBeforeUnload);
          window.history.back();
        } else {
          pushSentinel();
        }
        return;
      }
      // A jump of several entries at once (long-press on back) skips our entry: its distance is
      // unknown, so it cannot be undone reliably; the router handles it (beforeunload still
      // guards a jump to another document).
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState, true);
    };
  }, [dirty]);
}
