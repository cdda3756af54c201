/**
 * The session and the client's address without Next's request-scoped helpers (next/headers), so
 * that both routers use one definition (decision 0038): app/_server/auth.ts for App Router pages,
 * routes and actions; app/_server/pages.ts for the family's Pages Router pages. next-auth 4, JWT
 * sessions: the cookie holds the user id and the session version only.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
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
  pages: { signIn: "/sign-in", error: "/sign-in" },
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

/** The user a next-auth session names, or null (also for a Pages Router page: app/_server/pages.ts). */
export async function sessionUserOf(s: unknown): Promise<SessionUser | null> {
  const session = s as { userId?: string; sv?: unknown } | null;
  if (!session?.userId || typeof session.sv !== "number") return null;
  return loadActiveUser(session.userId, session.sv);
}
