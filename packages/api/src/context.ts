/**
 * The per-request context. Everything a procedure needs from outside comes in
 * here (database, clock, mailer, credentials), so tests and the REST adapter
 * can build one without an HTTP request.
 */
import type { Db } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import type { Credentials } from "./auth/authenticate";
import type { AppointmentMailer } from "./domain/mail";
import type { ChangeHub } from "./live/change-hub";
import type { AddressPolicy } from "./webhooks/address-policy";

export interface CookieJar {
  /** `Secure` is the HTTP layer's decision (how the app is served), not the procedure's. */
  set(name: string, value: string, options: { maxAgeSeconds?: number; httpOnly: boolean; sameSite: "Lax" | "Strict" }): void;
  clear(name: string): void;
}

export interface CreateContextOptions {
  db: Db;
  credentials: Credentials;
  /** Which door the request came through; recorded in the audit log. */
  channel: ChangeChannel;
  clock?: () => Date;
  mailer?: AppointmentMailer;
  /** Present for HTTP requests that can receive cookies (the admin's login). */
  cookies?: CookieJar;
  requestId?: string;
  /** The caller's address (behind a trusted proxy: the one it forwarded), for sign-in throttling. */
  clientAddress?: string;
  /** Sets a response header (e.g. Retry-After), for HTTP requests. */
  setHeader?: (name: string, value: string) => void;
  /**
   * The answer is a streamed batch (`trpc-accept: application/jsonl`): its
   * headers leave before any call ends, so no call can set a cookie or header.
   */
  answerStreamed?: boolean;
  /** This process's live change feed; subscriptions need it. */
  changes?: ChangeHub;
  /**
   * The credentials came from the session cookie of an EventSource request,
   * which cannot send the CSRF header: they count for subscriptions only.
   */
  subscriptionOnly?: boolean;
  /** Which receiver addresses webhook subscriptions may use (default: public ones only). */
  webhookPolicy?: AddressPolicy;
}

export function createContext(options: CreateContextOptions) {
  return {
    db: options.db,
    credentials: options.credentials,
    channel: options.channel,
    now: options.clock ?? (() => new Date()),
    mailer: options.mailer,
    cookies: options.cookies,
    requestId: options.requestId,
    clientAddress: options.clientAddress ?? "unknown",
    setHeader: options.setHeader ?? (() => {}),
    answerStreamed: options.answerStreamed ?? false,
    changes: options.changes,
    subscriptionOnly: options.subscriptionOnly ?? false,
    webhookPolicy: options.webhookPolicy,
  };
}

export type Context = ReturnType<typeof createContext>;

export const SESSION_COOKIE = "plano_session";
/** Cookie-authenticated calls must carry this header: a cross-site form cannot set it. */
export const CSRF_HEADER = "x-plano-csrf";
export const APPLICATION_HEADER = "x-plano-application";

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookie(headers: HeaderBag, name: string): string | undefined {
  for (const part of (header(headers, "cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined; // malformed %-encoding: no session (401), not a crash
    }
  }
  return undefined;
}

/**
 * Credentials from request headers: a bearer token, or the admin's session
 * cookie, which counts only together with the CSRF header.
 *
 * A browser's EventSource (tRPC subscriptions over SSE) can send neither
 * header: it names its application in tRPC's `connectionParams`, and its
 * cookie is accepted as `subscriptionOnly`. A subscription only reads, and a
 * cross-site page cannot read an event stream this server never grants it
 * CORS for, so the CSRF header protects nothing there.
 */
export function credentialsFromHeaders(
  headers: HeaderBag,
  eventStream?: { method: string | undefined; connectionParams?: Record<string, string | undefined> | null },
): { credentials: Credentials; viaCookie: boolean; subscriptionOnly: boolean } {
  const streamParams = eventStream?.method === "GET" && header(headers, "accept")?.includes("text/event-stream") ? eventStream : undefined;
  const application = header(headers, APPLICATION_HEADER) ?? streamParams?.connectionParams?.application;
  const authorization = header(headers, "authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) return { credentials: { token: bearer, application }, viaCookie: false, subscriptionOnly: false };
  const fromCookie = cookie(headers, SESSION_COOKIE);
  if (fromCookie && header(headers, CSRF_HEADER)) {
    return { credentials: { token: fromCookie, application }, viaCookie: true, subscriptionOnly: false };
  }
  if (fromCookie && streamParams) return { credentials: { token: fromCookie, application }, viaCookie: true, subscriptionOnly: true };
  return { credentials: { token: undefined, application }, viaCookie: false, subscriptionOnly: false };
}
