/**
 * Issue 13: the second step of a staff sign-in (decision 0027). After the right password, a user
 * with the TOTP step on is not signed in yet: the app keeps who passed the password in a short,
 * encrypted cookie (app/_server/sign-in-step.ts) and asks for the code. Here the code is checked:
 *  - the user must still be active with the same session version (deactivated or signed out
 *    everywhere since the password: start again), and still have the step on;
 *  - attempts are counted before the check, like passwords (./../sign-in-limits.ts), on a counter
 *    of the account: after CODE_LIMIT.free wrong codes each try waits, doubling; an admin's
 *    "Unlock sign-in" clears it too;
 *  - a code is accepted once (its time step is kept, atomically: two posts of the same code at
 *    once sign in once).
 * A wrong code is audited (auth.second_factor_failed: the password was right, so someone may have it).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { writeAudit } from "@/lib/platform/audit";
import { claimAttempt, clearCounter, type Limit } from "../sign-in-limits";
import type { SessionUser } from "../types";
import { acceptedStep, normaliseCode } from "./totp";

export const CODE_LIMIT: Limit = { windowMs: 60 * 60_000, free: 5, firstDelayMs: 30_000, growth: 2, maxDelayMs: 15 * 60_000 };

/** The counter of wrong codes of one account (cleared by ../unlock-sign-in.ts). */
export const secondFactorKey = (userId: string) => `second-factor:${userId}`;

export type CodeResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "FORMAT" | "WRONG" }
  | { ok: false; reason: "WAIT"; retryAfterSeconds: number }
  /** The pending sign-in no longer holds (deactivated, signed out everywhere, step reset): start again. */
  | { ok: false; reason: "RESTART" };

export async function verifySignInCode(pending: { userId: string; sessionVersion: number }, rawCode: unknown, ip: string | null = null, now = new Date()): Promise<CodeResult> {
  const code = normaliseCode(rawCode);
  if (!code) return { ok: false, reason: "FORMAT" };
  const u = await db().user.findUnique({
    where: { id: pending.userId },
    select: { id: true, email: true, name: true, role: true, localAuthorityId: true, safeguardingLead: true, active: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!u || !u.active || u.sessionVersion !== pending.sessionVersion || !u.totpSecret || !u.totpEnabledAt) return { ok: false, reason: "RESTART" };
  const key = secondFactorKey(u.id);
  const claim = await claimAttempt(key, CODE_LIMIT, now);
  if (!claim.claimed) return { ok: false, reason: "WAIT", retryAfterSeconds: Math.ceil(claim.retryAfterMs / 1000) };
  const step = acceptedStep(u.totpSecret, code, u.totpLastStep, now);
  const accepted =
    step !== null &&
    (await db().$transaction(async (tx) => {
      // Claimed atomically: only a step later than the last one used, so a code works once.
      const n = await tx.$executeRaw`UPDATE "User" SET "totpLastStep" = ${step} WHERE "id" = ${u.id} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
      if (n === 1) await writeAudit(tx, { actor: { id: u.id }, action: "auth.signed_in", entityType: "User", entityId: u.id, ip, after: { method: "password+totp" } });
      return n === 1;
    }));
  if (!accepted) {
    await writeAudit(db(), { actor: { id: u.id }, action: "auth.second_factor_failed", entityType: "User", entityId: u.id, ip });
    return { ok: false, reason: "WRONG" };
  }
  await clearCounter(key);
  return {
    ok: true,
    user: { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId, safeguardingLead: u.safeguardingLead, secondFactor: true },
    sessionVersion: u.sessionVersion,
  };
}
