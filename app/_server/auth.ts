/**
 * Next.js glue for authentication (next-auth 4, JWT sessions). Staff sign in with email + password
 * through a server action that works without JavaScript (app/sign-in/actions.ts), which sets the
 * session cookie itself with next-auth's `encode`; family users with a single-use emailed link
 * (next-auth's credentials flow). The session holds only the user id and the user's session
 * version: the user is re-read from the database on each request (lib/users), so deactivation, role
 * changes and sign-out (which bumps the version, lib/auth/sessions.ts) apply at once.
 */
import { cache } from "react";
import { encode } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { endSessions } from "@/lib/auth/sessions";
import { deleteReferralDraftOf } from "@/lib/cases/intake/referral-draft";
import { can, type Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { mustEnrolSecondFactor, SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";
import { authOptions, clientIpFrom, production, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sessionClaimsOf, sessionUserFromCookie, type SessionClaims } from "./session";

export { authOptions, clientIpFrom };

export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

/** Starts a session: the cookie next-auth itself would set, carrying the user's session version. */
export async function startSession(userId: string, sessionVersion: number): Promise<void> {
  const secret = authOptions.secret;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  const claims: SessionClaims = { sub: userId, sv: sessionVersion };
  const value = await encode({ token: claims, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  (await cookies()).set(SESSION_COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/", secure: production, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Signs out: every session of the current user ends (the version is bumped), and this cookie goes. */
export async function signOutEverywhere(): Promise<void> {
  const session = await sessionClaims();
  if (session) {
    await endSessions(session.userId, await clientIp());
    // Signing out removes what the user left unsent (a shared computer keeps nothing of theirs).
    await deleteReferralDraftOf(session.userId);
  }
  (await cookies()).delete(SESSION_COOKIE);
}

/**
 * The signed-in user, or null: the cookie's session version must be the user's current one.
 * Read once per request (React's `cache`): the root layout and the page both ask, and each asking
 * would decrypt the cookie and read the user again (issue 14). A server action, where a sign-in
 * or sign-out changes the answer, is not rendering, and `cache` does not keep anything there.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => sessionUserFromCookie((await cookies()).get(SESSION_COOKIE)?.value));

/** This request's session claims (./session.ts `sessionClaimsOf`). */
async function sessionClaims(): Promise<{ userId: string; sv: number } | null> {
  return sessionClaimsOf((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * For pages: signed out → sign-in page (coming back to `returnTo`, a path on this site, after
 * signing in); lacking the permission → 404 (never 403).
 */
export async function requireUser(permission?: Permission, opts: { returnTo?: string; allowWithoutSecondFactor?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(opts.returnTo ? `/sign-in?next=${encodeURIComponent(opts.returnTo)}` : "/sign-in");
  if (permission && !can(user, permission)) notFound();
  // Issue 13 (decision 0027): an admin without the second sign-in step sets it up before any page.
  if (!opts.allowWithoutSecondFactor && mustEnrolSecondFactor(user)) redirect(SECOND_FACTOR_PATH);
  return user;
}
