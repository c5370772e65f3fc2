/**
 * Where to send a user after signing in. `next` is resolved as the browser
 * would resolve it against this app's origin, and honoured only if it stays on
 * that origin, so a crafted link cannot bounce a fresh session to another site.
 * String prefix checks are not enough: the URL parser drops tabs and newlines
 * and reads `\` as `/`, so `/\t/evil.example` is `//evil.example`.
 */
const DEFAULT_PATH = "/board";
/** Any origin of ours will do: only whether `next` leaves it matters. */
const APP_ORIGIN = "http://plano-admin.invalid";

export function safeReturnPath(next: string | null | undefined): string {
  if (!next) return DEFAULT_PATH;
  let url: URL;
  try {
    url = new URL(next, APP_ORIGIN);
  } catch {
    return DEFAULT_PATH;
  }
  if (url.origin !== APP_ORIGIN) return DEFAULT_PATH;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse to "//host" (`/.//evil`): a path that starts so would leave the origin again.
  if (new URL(path, APP_ORIGIN).origin !== APP_ORIGIN || !path.startsWith("/") || path.startsWith("//")) return DEFAULT_PATH;
  return path;
}

export function loginPathFor(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
