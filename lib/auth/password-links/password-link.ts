/**
 * Issue 13 (decision 0027): the link that lets an invited staff member set their password — a
 * single-use bearer token, 32 random bytes, of which only the SHA-256 is stored (PasswordLink,
 * like LoginToken and the signing links). Pure helpers and the constants.
 */
import { createHash, randomBytes } from "node:crypto";

/** How long a set-password link works (C: the product's choice). A newer link replaces it. */
export const PASSWORD_LINK_HOURS = 72;

export const newPasswordToken = (): string => randomBytes(32).toString("base64url");
export const passwordTokenSha256 = (token: string): string => createHash("sha256").update(token).digest("hex");
/** A token as it may appear in the address: base64url, 43 characters. */
export const isWellFormedPasswordToken = (token: unknown): token is string => typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
export const setPasswordUrl = (origin: string, token: string): string => `${origin.replace(/\/$/, "")}/set-password/${token}`;

export type LinkState = "VALID" | "USED" | "EXPIRED" | "REPLACED" | "INVALID";

/** What a link's row says now (the order matters: a used link is "used" even once expired). */
export function linkState(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; user: { active: boolean } } | null, now: Date): LinkState {
  if (!row || !row.user.active) return "INVALID";
  if (row.usedAt) return "USED";
  if (row.revokedAt) return "REPLACED";
  if (row.expiresAt <= now) return "EXPIRED";
  return "VALID";
}

/** What the page says about a link that cannot be used. */
export const LINK_STATE_MESSAGES: Record<Exclude<LinkState, "VALID">, { title: string; body: string }> = {
  USED: { title: "This link has already been used", body: "Each link to set a password works once. If you have set your password, sign in with it. If not, ask an administrator to send you a new link." },
  EXPIRED: { title: "This link has expired", body: `Links to set a password work for ${PASSWORD_LINK_HOURS} hours. Ask an administrator to send you a new link.` },
  REPLACED: { title: "This link has been replaced", body: "A newer link has been sent to you, and only the newest one works. Use the link in the most recent email, or ask an administrator to send a new one." },
  INVALID: { title: "This link is not valid", body: "Check that you copied the whole link from the email. If it still does not work, ask an administrator to send you a new link." },
};
