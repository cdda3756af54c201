/**
 * Next.js glue for authentication (next-auth 4, JWT sessions). Staff sign in with email + password
 * through a server action that works without JavaScript (app/sign-in/actions.ts), which sets the
 * session cookie itself with next-auth's `encode`; family users with a single-use emailed link
 * (next-auth's credentials flow). The session holds only the user id and the user's session
 * version: the user is re-read from the database on each request (lib/users), so deactivation, role
 * changes and sign-out (which bumps the version, lib/auth/sessions.ts) apply at once.
 */
import { cache } from "react";
import type { NextAuthOptions } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { consumeFamilyLink } from "@/lib/auth/family-link";
import { endSessions } from "@/lib/auth/sessions";
import { loadActiveUser } from "@/lib/users";
import { deleteReferralDraftOf } from "@/lib/cases/intake/referral-draft";
import { can, type Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { mustEnrolSecondFactor, SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxyHops } from "@/lib/platform/security/client-ip";
import { peerAddressHeaderInstalled } from "@/lib/platform/security/peer-address";

/**
 * The client's address from the request headers (issue 9 item 6): X-Forwarded-For only as far as
 * TRUSTED_PROXY_HOPS proxies (default 0: ignored), else the socket's peer address, which the server
 * writes into its own header on every request (lib/platform/security/peer-address.ts). Null when
 * unknown; rate limits then count the request in one shared "unknown" bucket.
 */
function ipFrom(h: Record<string, unknown> | Headers | undefined): string | null {
  const get = (k: string) => {
    const v = h instanceof Headers ? h.get(k) : h?.[k];
    return typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : null;
  };
  return clientAddress({
    forwardedFor: get("x-forwarded-for"),
    realIp: get("x-real-ip"),
    hops: trustedProxyHops(),
    peer: peerAddressHeaderInstalled() ? get(PEER_ADDRESS_HEADER) : null,
  });
}

export async function clientIp(): Promise<string | null> {
  return ipFrom(await headers());
}

const production = process.env.NODE_ENV === "production";
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** next-auth's own name for the session cookie (`__Secure-` when cookies are Secure). */
const SESSION_COOKIE = `${production ? "__Secure-" : ""}next-auth.session-token`;

/** What the session cookie carries: the user id (`sub`) and the session version (`sv`). */
type SessionClaims = { sub?: string; sv?: unknown };

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // httpOnly is next-auth's default; Secure (and the __Secure- prefix) in production.
  useSecureCookies: production,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "family-link",
      name: "Family link",
      credentials: { token: { type: "text" } },
      async authorize(credentials, req) {
        const r = await consumeFamilyLink(String(credentials?.token ?? ""), ipFrom(req?.headers));
        if (!r.ok) throw new Error(r.reason);
        return { id: r.user.id, sessionVersion: r.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // Only the id and the session version go into the cookie (no name or email).
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sv: (user as { sessionVersion?: number }).sessionVersion };
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sv: (token as SessionClaims).sv };
    },
  },
  events: {
    // next-auth's own sign-out route (/api/auth/signout) ends the sessions too.
    async signOut({ token }) {
      if (typeof token?.sub === "string") {
        await endSessions(token.sub, null);
        // Signing out removes what the user left unsent (a shared computer keeps nothing of theirs).
        await deleteReferralDraftOf(token.sub);
      }
    },
  },
};

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
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await sessionClaims();
  return session ? loadActiveUser(session.userId, session.sv) : null;
});

/**
 * The session cookie's claims, decrypted with next-auth's own `decode` (the same key, algorithm and
 * expiry check as `getServerSession`), or null when there is none or it does not decrypt. Not
 * `getServerSession`: that runs next-auth's whole session endpoint — it decrypts the cookie, then
 * re-encrypts a fresh one to slide its expiry, which a page cannot set anyway — about 2 ms of CPU on
 * every signed-in request for nothing (issue 14, measured). The cookie carries only `sub` and `sv`,
 * far below the size at which next-auth splits a cookie into chunks.
 */
async function sessionClaims(): Promise<{ userId: string; sv: number } | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const secret = authOptions.secret;
  if (!token || !secret) return null;
  const claims = (await decode({ token, secret }).catch(() => null)) as SessionClaims | null;
  if (typeof claims?.sub !== "string" || typeof claims.sv !== "number") return null;
  return { userId: claims.sub, sv: claims.sv };
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
