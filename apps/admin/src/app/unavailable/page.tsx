import type { Metadata } from "next";
import { RETRY_AFTER_SECONDS } from "~/lib/api-forward";
import { safeReturnPath } from "~/lib/return-path";
import { RetryCountdown } from "./retry-countdown";

export const metadata: Metadata = { title: "API server unreachable" };

/** Where a page that needs the API server is sent while it does not answer: says so, and goes back once it does. */
export default async function UnavailablePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      {/* Without JavaScript, the browser retries on its own. */}
      <noscript>
        <meta httpEquiv="refresh" content={`${RETRY_AFTER_SECONDS};url=${returnTo}`} />
      </noscript>
      <div role="alert" className="w-full max-w-md rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-950 shadow-sm">
        <h1 className="text-lg font-semibold">The API server is unreachable.</h1>
        <p className="mt-2 text-sm">
          The admin app cannot reach the Plano API server right now, so this page cannot be shown. Nothing you saved is lost; unsaved edits on a page that is
          still open stay there.
        </p>
        <RetryCountdown returnTo={returnTo} seconds={RETRY_AFTER_SECONDS} />
      </div>
    </main>
  );
}
