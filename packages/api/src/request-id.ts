import { randomUUID } from "node:crypto";

type HeaderBag = Record<string, string | string[] | undefined>;

/**
 * The id a request's logs and answers name: the caller's own `X-Request-Id`
 * when it is a sane one (to correlate logs across services), else a fresh one.
 * Anything else a caller sends there (long, odd characters, repeated) is
 * replaced, so it never reaches a log line or an answer.
 */
export function requestIdFrom(headers: HeaderBag): string {
  const given = headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
