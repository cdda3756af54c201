/**
 * Issue 13: the TOTP second sign-in step (RFC 6238: 6 digits, 30-second steps, SHA-1 — what every
 * authenticator app reads from an otpauth:// URI), with otplib 13 (decision 0027). Pure: no I/O.
 *
 * A code is accepted one step either side of now (a phone's clock a little off), and never twice:
 * the step of the last accepted code is kept (User.totpLastStep) and a code of that step or an
 * earlier one is refused (`afterStep`).
 */
import { generateSecret, generateURI, verifySync } from "otplib";

export const TOTP_ISSUER = "SEND Mediation";
/** Seconds either side of now a code is still accepted: one 30-second step. */
export const TOTP_TOLERANCE_SECONDS = 30;
/** How long after the password the second step may be completed. */
export const SECOND_STEP_MINUTES = 10;

export const CODE_MESSAGES = {
  missing: "Enter the 6-digit code from your authenticator app",
  format: "The code must be 6 digits, like 123456",
  wrong: "The code is not right. Enter the code your app shows now (a new one appears every 30 seconds)",
} as const;

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export const newTotpSecret = (): string => generateSecret();

/** What an authenticator app reads (typed in, or from a QR code of it). */
export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The secret in groups of four, as people type it into an app. */
export const groupedKey = (secret: string): string => secret.replace(/(.{4})(?=.)/g, "$1 ");

/** The code as typed, without spaces; null when it is not 6 digits. */
export function normaliseCode(raw: unknown): string | null {
  const code = typeof raw === "string" ? raw.replace(/[\s-]/g, "") : "";
  return /^\d{6}$/.test(code) ? code : null;
}

/** The time step of an accepted code, or null: wrong, too old or too new, or of a step already used. */
export function acceptedStep(secret: string, code: string, afterStep: number | null, now: Date): number | null {
  try {
    const r = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOTP_TOLERANCE_SECONDS, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
    return r.valid && "timeStep" in r && typeof r.timeStep === "number" ? r.timeStep : null;
  } catch {
    return null;
  }
}

/** Issue 13: the second step is required for admins (decision 0027), optional for other staff. */
export const secondFactorRequired = (user: { role: string }) => user.role === "ADMIN";

/** A signed-in user who must set up the second step before anything else (app/_server/auth.ts). */
export const mustEnrolSecondFactor = (user: { role: string; secondFactor?: boolean }) => secondFactorRequired(user) && user.secondFactor !== true;

/** The page where a staff member sets up (or sees) their second sign-in step. */
export const SECOND_FACTOR_PATH = "/account/two-step";
