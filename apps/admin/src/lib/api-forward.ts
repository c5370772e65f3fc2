/**
 * Forwards `/api/trpc/*` and `/api/v1/*` to the API server (from src/proxy.ts).
 * Done by hand rather than with `NextResponse.rewrite`: when the API server is
 * down, a rewrite answers a plain-text 500 that neither the tRPC client nor a
 * person can make sense of. Here that case answers, as a gateway does
 * (RFC 9110 §15.6.3), 502 with Retry-After: for API calls in the shape their
 * client reads (a tRPC error, a legacy envelope), for a browser's page request
 * an HTML page that says so and retries by itself.
 */

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those fetch sets itself. */
const NOT_FORWARDED = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host", "content-length"];
/** fetch has already decoded the body, so its length and encoding no longer apply. */
const NOT_RETURNED = ["connection", "keep-alive", "transfer-encoding", "content-encoding", "content-length"];

export const RETRY_AFTER_SECONDS = 5;
export const UNREACHABLE_MESSAGE = "The API server is unreachable; the admin app keeps trying. Please try again in a few seconds.";

export async function forwardToApi(request: Request, apiOrigin: string): Promise<Response> {
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, apiOrigin);
  const headers = new Headers(request.headers);
  for (const name of NOT_FORWARDED) headers.delete(name);
  // The API server decides the cookie's Secure flag from this (it trusts loopback, where this app runs).
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", url.protocol.replace(/:$/, ""));
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // A streamed request body (Node's fetch insists on saying so).
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      cache: "no-store",
    } as RequestInit);
  } catch (error) {
    console.error(`admin proxy: ${request.method} ${url.pathname} could not reach the API server at ${apiOrigin}:`, (error as Error).cause ?? error);
    return unreachable(request, url);
  }
  const returned = new Headers(upstream.headers);
  for (const name of NOT_RETURNED) returned.delete(name);
  return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: returned });
}

function wantsPage(request: Request): boolean {
  return request.method === "GET" && (request.headers.get("accept") ?? "").includes("text/html");
}

function unreachable(request: Request, url: URL): Response {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (wantsPage(request)) {
    return new Response(unreachablePage(url.pathname + url.search), { status: 502, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
  }
  if (url.pathname.startsWith("/api/trpc/")) {
    // tRPC's error shape, through superjson as the API sends it: the client shows the message.
    const error = { error: { json: { message: UNREACHABLE_MESSAGE, code: -32603, data: { code: "BAD_GATEWAY", httpStatus: 502, plano: null } } } };
    const calls = url.pathname.slice("/api/trpc/".length).split(",").length;
    const body = url.searchParams.get("batch") === "1" ? Array.from({ length: calls }, () => error) : error;
    return Response.json(body, { status: 502, headers });
  }
  // The legacy envelope: application-crash is the seed's "internal server error, please try again later".
  return Response.json({ status: "application-crash", message: UNREACHABLE_MESSAGE, warnings: [] }, { status: 502, headers });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A self-contained page (the app's own pages need the API to render): it says what is wrong and reloads itself. */
export function unreachablePage(retryPath: string): string {
  const target = escapeHtml(retryPath);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS};url=${target}">
<title>API server unreachable · Plano Appointments</title>
<style>body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8fafc;color:#0f172a;font:16px/1.5 system-ui,sans-serif}
main{max-width:32rem;margin:1rem;padding:1.5rem;border:1px solid #fecdd3;border-radius:.5rem;background:#fff1f2}h1{font-size:1.125rem;margin:0 0 .5rem}p{margin:.25rem 0}a{color:#4338ca}</style></head>
<body><main role="alert"><h1>The API server is unreachable.</h1>
<p>The admin app cannot reach the Plano API server right now. This page tries again every ${RETRY_AFTER_SECONDS} seconds and continues by itself once the server answers.</p>
<p><a href="${target}">Try again now</a></p></main></body></html>`;
}
