/**
 * Bearer tokens: 256 random bits, shown to their owner once and stored only as
 * a SHA-256 hash. A fast hash is right here (unlike passwords): the input has
 * full entropy, so there is nothing to brute-force, and lookups stay one index
 * probe. The prefix tells which table to look in.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const tokenPrefixes = { session: "pls_", application: "pla_" } as const;
export type TokenKind = keyof typeof tokenPrefixes;

export function generateToken(kind: TokenKind): string {
  return tokenPrefixes[kind] + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenKind(token: string): TokenKind | undefined {
  if (token.startsWith(tokenPrefixes.session)) return "session";
  if (token.startsWith(tokenPrefixes.application)) return "application";
  return undefined;
}

/** Constant-time comparison of two hex digests (the lookup found a row; confirm it without a timing oracle). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
