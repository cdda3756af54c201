/**
 * Staff sign-in: email + password (bcrypt), a generic failure message, and back-off after repeated
 * failures, keyed by the normalised email whether or not it exists (so it reveals nothing).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { dummyHash, verifyPassword } from "./passwords";
import { STAFF_ROLES, type SessionUser } from "./types";
import { writeAudit } from "@/lib/platform/audit";
import { signInInputTooLong } from "./sign-in-limits";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const SIGN_IN_FAILED = "The email address or password is not right.";
export const SIGN_IN_LOCKED = `Too many attempts. Wait ${LOCKOUT_MINUTES} minutes, then try again.`;

export type StaffSignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "INVALID" | "LOCKED" };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function staffSignIn(emailRaw: string, password: string, ip?: string | null, now = new Date()): Promise<StaffSignInResult> {
  // Issue 9 item 8: an oversized email or password is refused before anything touches the database.
  if (signInInputTooLong(emailRaw, password)) return { ok: false, reason: "INVALID" };
  const email = normaliseEmail(emailRaw);
  const key = `signin:${email}`;
  const throttle = await db().loginThrottle.findUnique({ where: { key } });
  if (throttle?.lockedUntil && throttle.lockedUntil > now) return { ok: false, reason: "LOCKED" };

  const user = await db().user.findUnique({ where: { email } });
  const isStaff = !!user && user.active && STAFF_ROLES.includes(user.role) && !!user.passwordHash;
  const good = await verifyPassword(password, isStaff ? user.passwordHash! : dummyHash());
  if (!isStaff || !good) {
    const failures = (throttle?.lockedUntil && throttle.lockedUntil <= now ? 0 : (throttle?.failures ?? 0)) + 1;
    const lockedUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await db().$transaction(async (tx) => {
      await tx.loginThrottle.upsert({ where: { key }, create: { key, failures, lockedUntil }, update: { failures, lockedUntil } });
      await writeAudit(tx, { actor: user ? { id: user.id } : null, action: lockedUntil ? "auth.locked_out" : "auth.sign_in_failed", entityType: "User", entityId: user?.id ?? email, ip });
    });
    return { ok: false, reason: lockedUntil ? "LOCKED" : "INVALID" };
  }
  await db().$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key } });
    await writeAudit(tx, { actor: { id: user.id }, action: "auth.signed_in", entityType: "User", entityId: user.id, ip });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, localAuthorityId: user.localAuthorityId } };
}
