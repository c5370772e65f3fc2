"use client";
/**
 * A control whose library code is fetched after hydration, drawn meanwhile by a stand-in with the
 * same buttons and tab stops. When the real one replaces it, the element that had keyboard focus is
 * removed and the browser drops focus to <body> (mid-Tab for a keyboard user): the same control in
 * the loaded one takes it back. Written here because React has no focus hand-over across Suspense.
 */
import { type FocusEvent, type ReactNode, type RefObject, Suspense, useLayoutEffect, useRef } from "react";
import { useHydrated } from "~/lib/use-hydrated";

/**
 * The same control in the stand-in and in the loaded version: its `data-focus-key` (for a library that
 * makes its own ids), its id, its label, or its text.
 */
const keyOf = (element: Element) =>
  element.getAttribute("data-focus-key") || element.id || element.getAttribute("aria-label") || element.textContent?.trim() || "";

function FocusRestore({ lastFocused, children }: { lastFocused: RefObject<string | null>; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const key = lastFocused.current;
    lastFocused.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!key || !lost) return;
    const same = [...(box.current?.querySelectorAll<HTMLElement>("button, input, [tabindex], [data-focus-key]") ?? [])].find(
      (element) => keyOf(element) === key,
    );
    same?.focus();
  }, [lastFocused]);
  return (
    <div ref={box} className="contents">
      {children}
    </div>
  );
}

export function StandInUntilLoaded({ standIn, children }: { standIn: ReactNode; children: ReactNode }) {
  // The server and the first render in the browser draw the stand-in; the loaded control comes after hydration.
  const hydrated = useHydrated();
  const lastFocused = useRef<string | null>(null);
  const tracked = (
    // biome-ignore lint/a11y/noStaticElementInteractions: it only notes which control inside has focus; it handles no interaction.
    <div
      className="contents"
      onFocus={(event: FocusEvent) => {
        lastFocused.current = keyOf(event.target);
      }}
      onBlur={(event: FocusEvent) => {
        // Focus moved on to another element: nothing to hand over.
        if (event.relatedTarget) lastFocused.current = null;
      }}
    >
      {standIn}
    </div>
  );
  return hydrated ? (
    <Suspense fallback={tracked}>
      <FocusRestore lastFocused={lastFocused}>{children}</FocusRestore>
    </Suspense>
  ) : (
    tracked
  );
}
