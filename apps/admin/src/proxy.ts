/**
 * Runs before every request:
 * - `/api/trpc/*` and `/api/v1/*` are forwarded to the API server, so the
 *   browser talks to one origin and the session cookie stays first-party.
 *   This is done here rather than with `rewrites` in next.config.ts because
 *   those are frozen into the build, while API_URL is chosen when the app
 *   starts (each test run picks free ports); and by hand (lib/api-forward.ts)
 *   so that an API server that is down gets a clear answer, not a bare 500.
 * - A page request without a session cookie goes straight to the login page,
 *   remembering where it was headed.
 * - The page path is passed on to server components, which cannot read it
 *   otherwise, so that an expired session found while rendering can send the
 *   user back there after signing in.
 */
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "~/lib/api-headers";
import { forwardToApi } from "~/lib/api-forward";
import { apiServerUrl } from "~/lib/api-server";
import { REQUEST_PATH_HEADER } from "~/lib/request-path";
import { loginPathFor } from "~/lib/return-path";

const API_PREFIXES = ["/api/trpc/", "/api/v1/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (API_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
    return forwardToApi(request, apiServerUrl());
  }
  const here = pathname + search;
  if (pathname !== "/login" && !request.cookies.has(SESSION_COOKIE)) {
    return NextResponse.redirect(new URL(loginPathFor(here), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, here);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/|favicon.ico|icon.svg).*)"],
};
