"use client";
/**
 * While a form holds unsaved edits, leaving asks first: closing or reloading
 * the tab (the browser's own prompt), an in-app link, and the back button.
 */
import { useEffect } from "react";

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
    // Back/forward: a capture listener on window runs before the router's own popstate
    // listener; staying stops the router from seeing the event and steps history back
    // to this page (whose own popstate is swallowed the same way). Pushing a guard
    // entry instead would make Next's router restore (and remount) the page.
    let returning = false;
    const here = window.location.href;
    const onPopState = (event: PopStateEvent) => {
      if (returning) {
        returning = window.location.href !== here;
        event.stopImmediatePropagation();
        return;
      }
      if (window.location.href === here || window.confirm(LEAVE_QUESTION)) return;
      event.stopImmediatePropagation();
      returning = true;
      // Where the history entry went is unknown (back or forward): going back to `here` is
      // one step the other way; a back is by far the common case.
      window.history.go(1);
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
