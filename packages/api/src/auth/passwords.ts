/**
 * Password hashing with scrypt, Node's built-in memory-hard KDF
 * (N=2^15, r=8: 32 MiB per hash). Stored as `scrypt$N$r$p$salt$hash`
 * so the cost can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));

const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;
const maxmem = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { ...cost, maxmem });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return timingSafeEqual(key, expected);
}

/**
 * A hash of the current cost that no password matches: checking an account
 * without a password (or an unknown email) against it costs what a real check
 * costs, so the answer's timing does not tell which emails exist.
 */
const DUMMY_HASH = ["scrypt", cost.N, cost.r, cost.p, Buffer.alloc(16).toString("base64url"), Buffer.alloc(keyLength).toString("base64url")].join("$");

/** `verifyPassword`, doing the same scrypt work whether or not there is a stored hash. */
export async function checkPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const matches = await verifyPassword(password, stored ?? DUMMY_HASH);
  return stored ? matches : false;
}
