import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { apiUnreachable, needsSignIn } from "~/trpc/errors";
import { serverApi } from "~/trpc/server";
import { REQUEST_PATH_HEADER } from "./request-path";
import { loginPathFor } from "./return-path";

/**
 * The signed-in user, or a redirect to the login page that will bring them
 * back to the page they asked for (an expired or unknown session), or to a
 * page that says the API server is unreachable and retries.
 */
export async function requireSession() {
  try {
    return await (await serverApi()).auth.me();
  } catch (error) {
    const here = (await headers()).get(REQUEST_PATH_HEADER) ?? "/appointments";
    if (apiUnreachable(error)) redirect(`/unavailable?next=${encodeURIComponent(here)}`);
    if (!needsSignIn(error)) throw error;
    redirect(loginPathFor(here));
  }
}
