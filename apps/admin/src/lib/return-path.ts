/**
 * Where to send a user after signing in. Only paths on this site are honoured (the dispatch board by default),
 * so a crafted link cannot bounce a fresh session to another origin.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/board";
  return next;
}

export function loginPathFor(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}
