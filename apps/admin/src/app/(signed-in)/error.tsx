"use client";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";

/** Anything a page failed to render: say so, and offer to try again. */
export default function SignedInError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex flex-col items-start gap-3">
      <Notice tone="error" title="This page could not be shown.">
        {error.message || "An unexpected error occurred."}
      </Notice>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
