"use client";
/** A modal dialog (Radix: focus trapped, Escape closes, titled for screen readers), styled once. */
import * as RadixDialog from "@radix-ui/react-dialog";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * The control focused when the dialog opened, focused again when it closes:
 * Radix does this for dialogs opened by its own Trigger, not for ours, which
 * are opened from state (and often unmounted rather than closed).
 */
function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Read during render: by the effects, the dialog has already taken the focus.
  if (open && !wasOpen.current && typeof document !== "undefined") {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }
  wasOpen.current = open;
  const giveBack = () => {
    const target = opener.current;
    opener.current = null;
    if (target) setTimeout(() => target.isConnected && target.focus(), 0);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus goes back once, when the dialog unmounts.
  useEffect(() => () => giveBack(), []);
  return giveBack;
}

export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  wide,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const giveBack = useReturnFocus(open);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <RadixDialog.Content
          className={`fixed left-1/2 top-1/2 max-h-[90vh] w-[95vw] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ${wide ? "max-w-4xl" : "max-w-lg"}`}
          {...(description ? {} : { "aria-describedby": undefined })}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            giveBack();
          }}
        >
          <RadixDialog.Title className="text-lg font-semibold">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description> : null}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
