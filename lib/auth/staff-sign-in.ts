/**
 * Staff sign-in: email + password (bcrypt), one generic failure message, and back-off that slows
 * guessing without locking the owner out (./sign-in-limits.ts). The counters are keyed by digests
 * of the normalised email, known or not, so an answer reveals nothing; an unknown email is checked
 * against a dummy hash so it takes as long as a known one.
 */
import "server-only";
import { LIMITS } from "@/lib/cases/fields";
import { db } from "@/lib/platform/db";
import { personalDigest, writeAudit } from "@/lib/platform/audit";
import { sendEmail } from "@/lib/platform/email";
import { parseInput } from "@/lib/platform/validation";
import { dummyHash, verifyPassword } from "./passwords";
import { MAX_PASSWORD_LENGTH, staffSignInSchema } from "./sign-in-schema";
import { NOTIFY_AFTER_FAILURES, SIGN_IN_LIMITS, claimAttempt, claimOwnerNotice, clearCounter, describeWait, releaseAttempt, throttleKeys } from "./sign-in-limits";
import { STAFF_ROLES, type FollowUp, type SessionUser } from "./types";

export const SIGN_IN_FAILED = "The email address or password is not right.";
export const signInWaitMessage = (retryAfterSeconds: number) => `Too many attempts to sign in. Wait ${describeWait(retryAfterSeconds * 1000)}, then try again.`;

export type StaffSignInResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "INVALID"; followUp?: FollowUp }
  | { ok: false; reason: "WAIT"; retryAfterSeconds: number }
  /**
   * Issue 13: the password is right but the user has the TOTP step on: not signed in yet. The app
   * asks for the code (./totp/verify-sign-in-code.ts), holding only this in an encrypted cookie.
   */
  | { ok: false; reason: "CODE_NEEDED"; pending: { userId: string; sessionVersion: number } };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The sign-in form: checks the fields (DomainError with a message per field), then signs in. */
export async function staffSignInFromForm(values: { email?: unknown; password?: unknown }, ip: string | null, now = new Date()): Promise<StaffSignInResult> {
  const v = parseInput(staffSignInSchema, { email: values.email, password: values.password }, { order: ["email", "password"] });
  return staffSignIn(v.email, v.password, ip, now);
}

export async function staffSignIn(emailRaw: string, password: string, ip: string | null = null, now = new Date()): Promise<StaffSignInResult> {
  // Issue 9 item 8: an oversized value never becomes a throttle key or an audit row.
  if (emailRaw.trim().length > LIMITS.email || password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: "INVALID" };
  const email = normaliseEmail(emailRaw);
  const keys = throttleKeys(email, ip);
  const claimed: typeof keys = [];
  let accountFailures = 0;
  for (const k of keys) {
    const c = await claimAttempt(k.key, SIGN_IN_LIMITS[k.name], now);
    if (!c.claimed) {
      for (const done of claimed) await releaseAttempt(done.key, SIGN_IN_LIMITS[done.name], now);
      return { ok: false, reason: "WAIT", retryAfterSeconds: Math.ceil(c.retryAfterMs / 1000) };
    }
    claimed.push(k);
    if (k.name === "account") accountFailures = c.failures;
  }

  const user = await db().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, localAuthorityId: true, active: true, passwordHash: true, sessionVersion: true, totpEnabledAt: true },
  });
  const isStaff = !!user && user.active && STAFF_ROLES.includes(user.role) && !!user.passwordHash;
  const good = await verifyPassword(password, isStaff ? user.passwordHash! : dummyHash());

  if (!isStaff || !good) {
    const accountKey = keys.find((k) => k.name === "account")!.key;
    const notify = accountFailures >= NOTIFY_AFTER_FAILURES && (await claimOwnerNotice(accountKey, now));
    await writeAudit(db(), { actor: user ? { id: user.id } : null, action: "auth.sign_in_failed", entityType: "User", entityId: user?.id ?? personalDigest(email), ip });
    if (notify && isStaff) return { ok: false, reason: "INVALID", followUp: () => tellOwner(user, accountFailures) };
    return { ok: false, reason: "INVALID" };
  }

  for (const k of claimed) {
    if (k.name === "pair") await clearCounter(k.key);
    else await releaseAttempt(k.key, SIGN_IN_LIMITS[k.name], now);
  }
  // The sign-in (and its audit row) happens after the code: ./totp/verify-sign-in-code.ts.
  if (user.totpEnabledAt) return { ok: false, reason: "CODE_NEEDED", pending: { userId: user.id, sessionVersion: user.sessionVersion } };
  await writeAudit(db(), { actor: { id: user.id }, action: "auth.signed_in", entityType: "User", entityId: user.id, ip });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, localAuthorityId: user.localAuthorityId },
    sessionVersion: user.sessionVersion,
  };
}

/** Once per account window (./sign-in-limits.ts): the owner hears of failed attempts on their account. */
async function tellOwner(user: { email: string; name: string }, failures: number): Promise<void> {
  try {
    await sendEmail({
      to: user.email,
      subject: "Failed attempts to sign in to your SEND mediation account",
      body: [
        `Hello ${user.name},`,
        "",
        `Someone has tried to sign in to your account ${failures} times in the last hour with the wrong password. Nobody has signed in with those attempts.`,
        "",
        "If it was you, wait a few minutes and try again. If you still cannot sign in, ask an administrator to unlock your sign-in.",
        "",
        "If it was not you, you do not need to do anything: your account is safe while your password is secret. Tell your administrator if this happens again.",
      ].join("\n"),
    });
  } catch (e) {
    console.error("[sign-in] could not tell the owner about failed attempts", e instanceof Error ? e.message : e);
  }
}
