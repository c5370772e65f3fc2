import type { Context } from "../../context";
import { fail } from "../../errors";

/**
 * Signing in and out answer with a cookie (and a throttled sign-in with
 * Retry-After). A streamed batch has sent its headers before any call ends,
 * so such a call is refused before it does anything, rather than failing
 * half-done (a session made, or ended, whose cookie never arrives).
 */
export function refuseStreamedAnswer(ctx: Pick<Context, "answerStreamed">, procedure: string): void {
  if (!ctx.answerStreamed) return;
  fail(
    "invalid-param",
    `${procedure} answers with a cookie, which a streamed batch (trpc-accept: application/jsonl) cannot carry: send it in a plain batch or on its own.`,
    { field: "trpc-accept", fields: ["trpc-accept"] },
  );
}
