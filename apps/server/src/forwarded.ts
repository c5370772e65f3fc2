/**
 * What the API server may believe about how a request reached it: the
 * client's address and whether it came over TLS. Only a trusted proxy's
 * X-Forwarded-For / X-Forwarded-Proto count; anyone else could forge them.
 *
 * - TRUSTED_PROXIES: addresses of proxies whose forwarding headers are believed
 *   (comma-separated). Default: loopback, where `npm start` runs the admin app,
 *   which forwards /api/* here.
 * - COOKIE_SECURE=1|0 forces the session cookie's `Secure` flag on or off.
 * - PUBLIC_URL=https://…: the app is served over TLS, so cookies are `Secure`.
 * Otherwise `Secure` follows the request: TLS on this socket, or
 * `X-Forwarded-Proto: https` from a trusted proxy.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { ServerEnv } from "./env";

const LOOPBACK = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

export interface ForwardingPolicy {
  trustedProxies: ReadonlySet<string>;
  /** From COOKIE_SECURE or PUBLIC_URL; undefined: decided per request. */
  secureCookies: boolean | undefined;
}

/** From TRUSTED_PROXIES, PUBLIC_URL and COOKIE_SECURE, as env.ts parsed them. */
export function forwardingPolicyFor(env: Partial<Pick<ServerEnv, "TRUSTED_PROXIES" | "PUBLIC_URL" | "COOKIE_SECURE">> = {}): ForwardingPolicy {
  let fromPublicUrl: boolean | undefined;
  if (env.PUBLIC_URL) fromPublicUrl = new URL(env.PUBLIC_URL).protocol === "https:";
  return { trustedProxies: new Set(env.TRUSTED_PROXIES ?? LOOPBACK), secureCookies: env.COOKIE_SECURE ?? fromPublicUrl };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The client's address: the nearest address in X-Forwarded-For that is not a trusted proxy. */
export function clientAddressOf(req: IncomingMessage, policy: ForwardingPolicy): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (!policy.trustedProxies.has(address)) return address;
  const hops = (first(req.headers["x-forwarded-for"]) ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  while (hops.length > 0 && policy.trustedProxies.has(address)) address = hops.pop()!;
  return address;
}

/** Whether the browser reached the app over TLS, so its cookies must be `Secure`. */
export function servedOverTls(req: IncomingMessage, policy: ForwardingPolicy): boolean {
  if (policy.secureCookies !== undefined) return policy.secureCookies;
  if ((req.socket as TLSSocket).encrypted) return true;
  if (!policy.trustedProxies.has(req.socket.remoteAddress ?? "")) return false;
  return first(req.headers["x-forwarded-proto"])?.split(",")[0]?.trim().toLowerCase() === "https";
}
