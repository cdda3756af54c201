/**
 * Signing links (R-40: "or remotely"): a single-use bearer token, 32 random bytes, of which only
 * the SHA-256 is stored. Pure helpers and the constants.
 */
import { createHash, randomBytes } from "node:crypto";

/** How long a signing link works (C: the product's choice, not a statutory limit). */
export const SIGNING_LINK_VALID_DAYS = 7;
/** Public signing pages: submissions per address in the window (like the other public forms). */
export const SIGNING_RATE_LIMIT = {
  bucket: "agreement-signing",
  limit: 20,
  windowMs: 10 * 60_000,
  message: "Too many attempts from this connection. Wait 10 minutes, then try again.",
} as const;

export function newSigningToken(): string {
  return randomBytes(32).toString("base64url");
}

export function signingTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it may appear in the address: base64url, 43 characters. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function signingUrl(origin: string, token: string): string {
  return `${origin}/sign/${token}`;
}
