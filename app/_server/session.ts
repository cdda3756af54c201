/**
 * The session and the client's address without Next's request-scoped helpers (next/headers), so
 * that both routers use one definition (decision 0038): app/_server/auth.ts for App Router pages,
 * routes and actions; app/_server/pages.ts for the family's Pages Router pages. next-auth 4, JWT
 * sessions: the cookie holds the user id and the session version only.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { consumeFamilyLink } from "@/lib/auth/family-link";
import { endSessions } from "@/lib/auth/sessions";
import { loadActiveUser } from "@/lib/users";
import { deleteReferralDraftOf } from "@/lib/cases/intake/referral-draft";
import type { SessionUser } from "@/lib/auth/types";
import { clientAddress, PEER_ADDRESS_HEADER, trustedProxyHops } from "@/lib/platform/security/client-ip";
import { peerAddressHeaderInstalled } from "@/lib/platform/security/peer-address";

/**
 * The client's address from the request headers (issue 9 item 6): X-Forwarded-For only as far as
 * TRUSTED_PROXY_HOPS proxies (default 0: ignored), else the socket's peer address, which the server
 * writes into its own header on every request (lib/platform/security/peer-address.ts). Null when
 * unknown; rate limits then count the request in one shared "unknown" bucket.
 */
export function clientIpFrom(h: Record<string, unknown> | Headers | undefined): string | null {
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

/** Where next-auth sends a family whose sign-in link is refused (`?error=<reason>`). */
export const FAMILY_LINK_ERROR_PAGE = "/sign-in/family/verify";

export const production = process.env.NODE_ENV === "production";
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** next-auth's own name for the session cookie (`__Secure-` when cookies are Secure). */
export const SESSION_COOKIE = `${production ? "__Secure-" : ""}next-auth.session-token`;

/** What the session cookie carries: the user id (`sub`) and the session version (`sv`). */
export type SessionClaims = { sub?: string; sv?: unknown };

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // httpOnly is next-auth's default; Secure (and the __Secure- prefix) in production.
  useSecureCookies: production,
  // A refused family link (EXPIRED, USED, INVALID: the credentials callback's error) comes back to
  // the verify page, which says why (decision 0038); staff sign in without next-auth's pages.
  pages: { signIn: "/sign-in", error: FAMILY_LINK_ERROR_PAGE },
  providers: [
    CredentialsProvider({
      id: "family-link",
      name: "Family link",
      credentials: { token: { type: "text" } },
      async authorize(credentials, req) {
        const r = await consumeFamilyLink(String(credentials?.token ?? ""), clientIpFrom(req?.headers));
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

/**
 * A session cookie's claims, decrypted with next-auth's own `decode` (the same key, algorithm and
 * expiry check as `getServerSession`), or null when there is none or it does not decrypt. Not
 * `getServerSession`: that runs next-auth's whole session endpoint — it decrypts the cookie, then
 * re-encrypts a fresh one to slide its expiry — about 2 ms of CPU on every signed-in request
 * (issue 14, measured), and an App Router page cannot set that cookie anyway: a session lasts
 * SESSION_MAX_AGE_SECONDS from signing in, on both routers. The cookie carries only `sub` and `sv`,
 * far below the size at which next-auth splits a cookie into chunks.
 */
export async function sessionClaimsOf(token: string | undefined): Promise<{ userId: string; sv: number } | null> {
  const secret = authOptions.secret;
  if (!token || !secret) return null;
  const claims = (await decode({ token, secret }).catch(() => null)) as SessionClaims | null;
  if (typeof claims?.sub !== "string" || typeof claims.sv !== "number") return null;
  return { userId: claims.sub, sv: claims.sv };
}

/** The user a session cookie names, or null: its session version must be the user's current one (both routers). */
export async function sessionUserFromCookie(token: string | undefined): Promise<SessionUser | null> {
  const session = await sessionClaimsOf(token);
  return session ? loadActiveUser(session.userId, session.sv) : null;
}
