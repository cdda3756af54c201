/**
 * Issue 13 (decision 0027): between the password and the code of a staff member with the TOTP
 * step on, the browser holds only this: an encrypted, httpOnly cookie naming the user, their
 * session version and where they were going, valid SECOND_STEP_MINUTES. It is not a session — it
 * is encrypted under its own key (next-auth's `salt`) and carries no `sub`, so it opens nothing —
 * and the session cookie is set only once the code is right (app/sign-in/code/actions.ts).
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { SECOND_STEP_MINUTES } from "@/lib/auth/totp/totp";
import { authOptions } from "./auth";

const production = process.env.NODE_ENV === "production";
const COOKIE = `${production ? "__Secure-" : ""}sm.sign-in-step`;
const SALT = "send-mediation.sign-in-step";
const MAX_AGE_SECONDS = SECOND_STEP_MINUTES * 60;

export type SignInStep = { userId: string; sessionVersion: number; next: string | null };

function secret(): string {
  const s = authOptions.secret;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set");
  return s;
}

export async function startSignInStep(step: SignInStep): Promise<void> {
  const value = await encode({ token: { pendingUser: step.userId, psv: step.sessionVersion, next: step.next }, secret: secret(), salt: SALT, maxAge: MAX_AGE_SECONDS });
  (await cookies()).set(COOKIE, value, { httpOnly: true, sameSite: "lax", path: "/sign-in", secure: production, maxAge: MAX_AGE_SECONDS });
}

/** The pending sign-in, or null (none, expired, or not one of ours). */
export async function readSignInStep(): Promise<SignInStep | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw || raw.length > 4000) return null;
  try {
    const t = await decode({ token: raw, secret: secret(), salt: SALT });
    if (!t || typeof t.pendingUser !== "string" || typeof t.psv !== "number") return null;
    return { userId: t.pendingUser, sessionVersion: t.psv, next: typeof t.next === "string" ? t.next : null };
  } catch {
    return null;
  }
}

export async function endSignInStep(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: "/sign-in" });
}
