import { describeError, type DescribedError } from "@plano/api";

/**
 * How a call's failure reads to every adapter (reason, field, message); for a
 * failure the API does not describe, tRPC's code stands in as the reason.
 * Fails the test when the call succeeds.
 */
export async function describedFailure(call: Promise<unknown>): Promise<Pick<DescribedError, "field" | "message" | "extra"> & { reason: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("expected the call to fail, and it succeeded");
  return describeError(error) ?? { reason: String((error as { code?: unknown }).code), message: (error as Error).message, extra: {} };
}
