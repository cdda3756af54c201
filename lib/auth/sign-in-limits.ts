/**
 * Staff sign-in back-off (issue 9, items 1 and 2): slow an attacker down without letting anyone
 * shut a staff member out. Every number is here.
 *
 * Three counters, each a LoginThrottle row, keyed by digests (never a raw email or address):
 *  - pair    (one account from one address): the owner's own typos and a single attacker. After
 *            `free` failures each attempt must wait, doubling: 15 s, 30 s, 1 min … up to 15 min.
 *            Only that address waits: the owner on another address (or network) is not affected.
 *  - account (one account from every address): looser, and it only ever delays (10 s between
 *            attempts once over the limit), so an attacker with many addresses slows guessing
 *            without locking the owner out for long.
 *  - address (one address across every account): password spraying. Over the limit, that address
 *            waits 15 minutes between attempts, whatever the account.
 *
 * An attempt is counted *before* its password is checked, in one SQL statement per counter
 * (INSERT … ON CONFLICT DO UPDATE … WHERE not blocked RETURNING), so parallel attempts cannot all
 * pass: with `free` = 5, twelve simultaneous wrong passwords get exactly five password checks. A
 * refused attempt gives back what it took from the counters before it; a success gives back its
 * count and clears the pair. Without a client address only the account counter applies (a shared
 * "unknown" address would let anyone lock everyone out): configure the proxy hops in production.
 *
 * The owner is emailed once per account window when their account reaches NOTIFY_AFTER_FAILURES,
 * and an admin can clear every counter of an account (./unlock-sign-in.ts).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { personalDigest } from "@/lib/platform/audit";

export { SIGN_IN_LIMITS, type Limit } from "./sign-in-limit-values";
import { SIGN_IN_LIMITS, type Limit } from "./sign-in-limit-values";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export type LimitName = keyof typeof SIGN_IN_LIMITS;

/** Failures on one account (all addresses, in the account window) after which its owner is emailed. */
export const NOTIFY_AFTER_FAILURES = 5;

/** The counter keys of an attempt, in the order they are claimed (broadest harm first). */
export function throttleKeys(email: string, ip: string | null): { name: LimitName; key: string }[] {
  const e = personalDigest(email);
  if (!ip) return [{ name: "account", key: `account:${e}` }];
  const a = personalDigest(ip);
  return [
    { name: "address", key: `address:${a}` },
    { name: "pair", key: `pair:${e}:${a}` },
    { name: "account", key: `account:${e}` },
  ];
}

/** Every key of an account (for the admin's unlock): its account counter and each address pair. */
export function accountKeyPrefixes(email: string): { account: string; pairPrefix: string } {
  const e = personalDigest(email);
  return { account: `account:${e}`, pairPrefix: `pair:${e}:` };
}

export type Claim = { claimed: true; failures: number } | { claimed: false; retryAfterMs: number };

/**
 * Counts one attempt on `key` unless the counter is waiting. Atomic: the row is locked by the
 * upsert, and its WHERE is checked against the latest row, so concurrent claims queue up.
 */
export async function claimAttempt(key: string, limit: Limit, now: Date): Promise<Claim> {
  const expired = new Date(now.getTime() - limit.windowMs);
  const firstBlock = limit.free <= 1 ? new Date(now.getTime() + Math.min(limit.firstDelayMs, limit.maxDelayMs)) : null;
  const rows = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, ${firstBlock}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" <= ${expired} THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= ${expired} THEN ${now} ELSE t."windowStart" END,
      "blockedUntil" = CASE
        WHEN (CASE WHEN t."windowStart" <= ${expired} THEN 1 ELSE t."failures" + 1 END) >= ${limit.free}
        THEN ${now}::timestamptz + LEAST(${limit.maxDelayMs}::float8,
               ${limit.firstDelayMs}::float8 * power(${limit.growth}::float8, ((CASE WHEN t."windowStart" <= ${expired} THEN 1 ELSE t."failures" + 1 END) - ${limit.free})::float8)
             ) * interval '1 millisecond'
        ELSE NULL END,
      "updatedAt" = ${now}
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= ${now}
    RETURNING "failures"`;
  if (rows[0]) return { claimed: true, failures: Number(rows[0].failures) };
  const row = await db().loginThrottle.findUnique({ where: { key }, select: { blockedUntil: true } });
  return { claimed: false, retryAfterMs: Math.max(SECOND, (row?.blockedUntil?.getTime() ?? now.getTime()) - now.getTime()) };
}

/** Gives back one counted attempt (a success, or an attempt refused by a later counter). */
export async function releaseAttempt(key: string, limit: Limit, now: Date): Promise<void> {
  await db().$executeRaw`
    UPDATE "LoginThrottle" SET
      "failures" = GREATEST("failures" - 1, 0),
      "blockedUntil" = CASE WHEN "failures" - 1 >= ${limit.free} THEN "blockedUntil" ELSE NULL END,
      "updatedAt" = ${now}
    WHERE "key" = ${key}`;
}

/** Forgets a counter (the pair after a success). */
export async function clearCounter(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}

/**
 * True once per account window: the caller may tell the owner. Atomic, so parallel failures send
 * one email.
 */
export async function claimOwnerNotice(accountKey: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.account.windowMs);
  const n = await db().$executeRaw`
    UPDATE "LoginThrottle" SET "notifiedAt" = ${now}
    WHERE "key" = ${accountKey} AND ("notifiedAt" IS NULL OR "notifiedAt" <= ${since})`;
  return n === 1;
}

/** "15 seconds", "1 minute", "4 minutes": a wait as people say it, rounded up. */
export function describeWait(ms: number): string {
  if (ms < 90 * SECOND) {
    const s = Math.max(1, Math.ceil(ms / SECOND));
    return `${s} second${s === 1 ? "" : "s"}`;
  }
  const m = Math.ceil(ms / MINUTE);
  return `${m} minute${m === 1 ? "" : "s"}`;
}
