/**
 * Next.js glue for authentication (next-auth 4, JWT sessions). Staff sign in with email + password;
 * family users with a single-use emailed link. The session holds only the user id: the user is
 * re-read from the database on each request (lib/users), so deactivation and role changes apply at
 * once.
 */
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import { staffSignIn, SIGN_IN_FAILED, SIGN_IN_LOCKED } from "@/lib/auth/staff-sign-in";
import { consumeFamilyLink } from "@/lib/auth/family-link";
import { loadActiveUser } from "@/lib/users";
import { deleteReferralDraftOf } from "@/lib/cases/intake/referral-draft";
import { can, type Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

function ipFrom(h: Record<string, unknown> | Headers | undefined): string | null {
  const get = (k: string) => (h instanceof Headers ? h.get(k) : (h?.[k] as string | undefined));
  const fwd = get("x-forwarded-for");
  return (typeof fwd === "string" ? fwd.split(",")[0]?.trim() : null) || get("x-real-ip") || null;
}

export async function clientIp(): Promise<string | null> {
  return ipFrom(await headers());
}

const production = process.env.NODE_ENV === "production";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // httpOnly is next-auth's default; Secure (and the __Secure- prefix) in production.
  useSecureCookies: production,
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "staff",
      name: "Staff",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        if (!email || !password) throw new Error(SIGN_IN_FAILED);
        const r = await staffSignIn(email, password, ipFrom(req?.headers));
        if (!r.ok) throw new Error(r.reason === "LOCKED" ? SIGN_IN_LOCKED : SIGN_IN_FAILED);
        return { id: r.user.id, email: r.user.email, name: r.user.name };
      },
    }),
    CredentialsProvider({
      id: "family-link",
      name: "Family link",
      credentials: { token: { type: "text" } },
      async authorize(credentials, req) {
        const r = await consumeFamilyLink(String(credentials?.token ?? ""), ipFrom(req?.headers));
        if (!r.ok) throw new Error(r.reason);
        return { id: r.user.id, email: r.user.email, name: r.user.name };
      },
    }),
  ],
  events: {
    // Signing out removes what the user left unsent (a shared computer keeps nothing of theirs).
    async signOut({ token }) {
      if (typeof token?.sub === "string") await deleteReferralDraftOf(token.sub);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};

/** The signed-in user, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  return loadActiveUser(session.userId);
}

/** For pages: signed out → sign-in page; lacking the permission → 404 (never 403). */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (permission && !can(user, permission)) notFound();
  return user;
}
