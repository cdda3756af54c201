/**
 * Issue 13: the rule for every password a staff member sets (decision 0027), after the NCSC's
 * password guidance: length over complexity — at least MIN_PASSWORD_LENGTH characters, no
 * composition rules (no "one capital, one digit"), spaces and any characters allowed, so a
 * passphrase of three random words passes — and a deny list: a password on the list of common
 * passwords, or the person's own email address or name, is refused, with a message saying why.
 *
 * The deny list is the "passwords-common" list of @zxcvbn-ts/language-common (MIT, about 49,000
 * passwords from public breach corpora, shipped in the package: no network). Compared ignoring
 * case and surrounding spaces, since "Password1234" is guessed as soon as "password1234" is.
 *
 * The demo password of the seed ("demo-password", 13 characters) is set by the seed directly and
 * never passes through this rule: it is a published demo sign-in, not a real one.
 */
import "server-only";
import { z } from "zod";

/** NCSC: a minimum length is the one rule that helps; 12 lets a three-word passphrase through. */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase or password manager (bcrypt itself reads only the first 72 bytes). */
export const MAX_NEW_PASSWORD_LENGTH = 256;

export const PASSWORD_MESSAGES = {
  missing: "Enter a password",
  tooShort: `Your password must be at least ${MIN_PASSWORD_LENGTH} characters long. Try three random words, like “purple lamp harbour”`,
  tooLong: `Your password must be ${MAX_NEW_PASSWORD_LENGTH} characters or fewer`,
  common: "This password is on a list of passwords people use often, so it is easy to guess. Choose a different one, such as three random words",
  personal: "Your password must not contain your name or email address",
  confirmMissing: "Enter the password again",
  mismatch: "The passwords do not match. Enter the same password in both boxes",
} as const;

let common: Set<string> | undefined;
async function commonPasswords(): Promise<Set<string>> {
  if (!common) {
    // Loaded on first use (about 0.1 s, 2 MB): only the pages that set a password need it.
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    common = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  }
  return common;
}

/** True when the password is on the shipped list of common passwords (case and outer spaces ignored). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.trim().toLowerCase());
}

const squash = (s: string) => s.toLowerCase().replace(/[\s._\-@]+/g, "");

/**
 * The person's own name or email address in the password: the whole email, its part before the @,
 * the full name, or any one name of at least four letters (shorter ones, "Al", "Li", would refuse
 * too many passphrases by accident).
 */
export function containsPersonalDetails(password: string, person: { email: string; name: string }): boolean {
  const p = squash(password);
  if (p === "") return false;
  const local = person.email.split("@")[0] ?? "";
  const parts = [person.email, local, person.name, ...person.name.split(/\s+/)].map(squash).filter((x) => x.length >= 4);
  return parts.some((x) => p.includes(x));
}

/**
 * The problem with a new password, or null when it may be used. The order is the one a person
 * fixes things in: too short or too long first, then what it contains.
 */
export async function newPasswordProblem(password: string, person: { email: string; name: string }): Promise<string | null> {
  if (password.length === 0) return PASSWORD_MESSAGES.missing;
  // Length counts characters as people see them (an emoji is one), not UTF-16 units.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > MAX_NEW_PASSWORD_LENGTH) return PASSWORD_MESSAGES.tooLong;
  if (containsPersonalDetails(password, person)) return PASSWORD_MESSAGES.personal;
  if (await isCommonPassword(password)) return PASSWORD_MESSAGES.common;
  return null;
}

/** The two password boxes of a form, as strings (never trimmed: spaces are part of a password). */
export const newPasswordFields = z.object({
  password: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(MAX_NEW_PASSWORD_LENGTH * 4, PASSWORD_MESSAGES.tooLong)),
  confirmPassword: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(MAX_NEW_PASSWORD_LENGTH * 4, PASSWORD_MESSAGES.tooLong)),
});
