/**
 * A document's verification code: printed on the PDF and typed from paper into /verify/<code>.
 * 80 random bits (crypto.randomBytes) as 16 Crockford base-32 characters, shown in four groups
 * (7KQ3-M9XD-2HPA-WT4C): too many to guess or to list (2^80), and no I/L/O/U to misread. Typed
 * codes are normalised (case, spaces, hyphens; O read as 0, I and L as 1), so a code copied by
 * hand still finds its document. The database stores the 16 characters without hyphens.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 16;

/** A fresh code (16 characters, no hyphens). */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** A typed or linked code as stored, or null when it cannot be one (wrong length or characters). */
export function normaliseVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** 7KQ3-M9XD-2HPA-WT4C: how a code is printed and put in links. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The public address where anyone can check a document: `<origin>/verify/<code>`. */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/verify/${formatVerificationCode(code)}`;
}
