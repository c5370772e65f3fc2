/**
 * Slowing down password guessing, in PostgreSQL so that every API process
 * behind a load balancer counts the same attempts.
 *
 * Failed sign-ins are counted under three keys, each with its own allowance of
 * free failures and then a delay that doubles with every further failure:
 * - `pair:<address>|<email>`: one address guessing one account (the common attack);
 * - `addr:<address>`: one address spraying many accounts;
 * - `acct:<email>`: many addresses guessing one account. Its allowance is large,
 *   and it never applies to an address that signed in to that account before,
 *   so nobody can keep a real user out by failing on their account from elsewhere.
 * A key's count starts over an hour after its last failure, and a delay always
 * ends: a correct password after it works. Attempts refused while a delay runs
 * are not counted (they do no password work), so waiting is all it takes.
 */
import type { Db } from "@plano/db";

interface Policy {
  /** Failures allowed before any delay. */
  free: number;
  /** The first delay; each further failure doubles it. */
  baseSeconds: number;
  maxSeconds: number;
}

export const THROTTLE_POLICIES = {
  pair: { free: 5, baseSeconds: 1, maxSeconds: 15 * 60 },
  addr: { free: 30, baseSeconds: 1, maxSeconds: 15 * 60 },
  acct: { free: 50, baseSeconds: 1, maxSeconds: 5 * 60 },
} as const satisfies Record<string, Policy>;

/** A key's failures are forgotten this long after its last one. */
export const THROTTLE_DECAY_MS = 60 * 60 * 1000;
/** An address that signed in to an account this recently is exempt from that account's key. */
const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

export interface LoginAttempt {
  email: string;
  address: string;
}

function keysOf({ email, address }: LoginAttempt) {
  return { pair: `pair:${address}|${email}`, addr: `addr:${address}`, acct: `acct:${email}` };
}

/** The delay after the `failures`-th failure under `policy`, in seconds (0: none). */
export function delayAfter(failures: number, policy: Policy): number {
  if (failures <= policy.free) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(failures - policy.free - 1, 30));
}

/** Seconds until this attempt may be tried, or 0 when it may go ahead. */
export async function throttledFor(db: Db, attempt: LoginAttempt, now: Date): Promise<number> {
  const keys = keysOf(attempt);
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: Object.values(keys) } },
    select: { key: true, blockedUntil: true, lastSuccessAt: true },
  });
  const pair = rows.find((row) => row.key === keys.pair);
  const known = pair?.lastSuccessAt != null && now.getTime() - pair.lastSuccessAt.getTime() < KNOWN_ADDRESS_MS;
  let until = 0;
  for (const row of rows) {
    if (row.key === keys.acct && known) continue;
    if (row.blockedUntil && row.blockedUntil.getTime() > until) until = row.blockedUntil.getTime();
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(db: Db, attempt: LoginAttempt, now: Date): Promise<void> {
  const keys = keysOf(attempt);
  const decayBefore = new Date(now.getTime() - THROTTLE_DECAY_MS);
  await Promise.all(
    (Object.keys(keys) as (keyof typeof keys)[]).map(async (kind) => {
      const key = keys[kind];
      // One atomic statement per key: concurrent failures from several processes all count.
      const [row] = await db.$queryRaw<{ failures: number }[]>`
        INSERT INTO login_throttle AS t (key, failures, last_failure_at) VALUES (${key}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.last_failure_at IS NULL OR t.last_failure_at < ${decayBefore} THEN 1 ELSE t.failures + 1 END,
          last_failure_at = ${now}
        RETURNING failures`;
      const delay = delayAfter(row?.failures ?? 1, THROTTLE_POLICIES[kind]);
      if (delay > 0) {
        await db.loginThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + delay * 1000) } });
      }
    }),
  );
}

/** A correct password: this address and account start over, and the address becomes known to the account. */
export async function recordSuccess(db: Db, attempt: LoginAttempt, now: Date): Promise<void> {
  const { pair } = keysOf(attempt);
  await db.loginThrottle.upsert({
    where: { key: pair },
    create: { key: pair, failures: 0, lastSuccessAt: now },
    update: { failures: 0, blockedUntil: null, lastSuccessAt: now },
  });
}

/** Forgets keys nobody has failed on for a day, except the addresses accounts remember. */
export async function pruneLoginThrottle(db: Db, now: Date): Promise<number> {
  const { count } = await db.loginThrottle.deleteMany({
    where: {
      OR: [{ lastFailureAt: null }, { lastFailureAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } }],
      AND: [{ OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } }] }],
    },
  });
  return count;
}
