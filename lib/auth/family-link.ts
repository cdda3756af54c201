/**
 * Family sign-in without a password: a single-use link, emailed, valid for 15 minutes, and only the
 * newest one works. Only the SHA-256 of the token is stored, and the outbox keeps the email without
 * the link. Asking for a link never says whether the email is known, in words or in time.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { sendEmail } from "@/lib/platform/email";
import { personalDigest, writeAudit } from "@/lib/platform/audit";
import { enforceRateLimit } from "@/lib/platform/security/public-form";
import { hit } from "@/lib/platform/security/rate-limit";
import { parseInput } from "@/lib/platform/validation";
import { EMAIL_FORMAT_MESSAGE, LIMITS, isEmail, requiredText, tooLong } from "@/lib/cases/fields";
import { normaliseEmail } from "./staff-sign-in";
import type { FollowUp, SessionUser } from "./types";

export const FAMILY_LINK_MINUTES = 15;
export const FAMILY_LINK_REQUESTS_PER_HOUR = 10;
/**
 * Issue 14 (security sweep): links emailed to one account in an hour, whatever the addresses that
 * asked. The per-address limit alone let someone with many addresses fill a family's inbox.
 * Requests over it are answered as usual but send nothing and leave the newest link working.
 */
export const FAMILY_LINKS_PER_ACCOUNT_PER_HOUR = 10;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const FAMILY_LINK_RATE_LIMITED_MESSAGE = "You have asked for too many links. Wait an hour, then try again.";

const requestSchema = z.object({
  email: requiredText(LIMITS.email, "Enter your email address", tooLong("Your email address", LIMITS.email)).refine((v) => v === "" || isEmail(v), { message: EMAIL_FORMAT_MESSAGE }),
});

/**
 * A family user asks for a sign-in link (public form). The answer comes from work that is the same
 * whoever the email belongs to: the email is checked, then the per-address rate limit
 * (DomainError "RATE_LIMITED"); that is all before the answer. Everything that depends on the
 * email — finding the account, the link, the email — is the returned `followUp`, which the caller
 * runs after answering (Next's `after()`), so neither the words nor the time of the answer tell
 * anyone whether the email is known (issue 9, item 5).
 */
export async function requestFamilyLink(emailRaw: unknown, baseUrl: string, ip: string | null, now = new Date()): Promise<{ ok: true; followUp: FollowUp }> {
  const { email: typed } = parseInput(requestSchema, { email: emailRaw });
  await enforceRateLimit({ bucket: "family-link", limit: FAMILY_LINK_REQUESTS_PER_HOUR, windowMs: 3_600_000, message: FAMILY_LINK_RATE_LIMITED_MESSAGE }, ip, now);
  const email = normaliseEmail(typed);
  return {
    ok: true,
    followUp: async () => {
      try {
        await sendFamilyLink(email, baseUrl, ip, now);
      } catch (e) {
        console.error("[family-link] could not send a sign-in link", e instanceof Error ? e.message : e);
      }
    },
  };
}

/**
 * Only for an active family user: a new link, which replaces every older unused one (one live link
 * per user: the user row is locked, so two requests at once still leave one). The link is a
 * secret of the email: the outbox keeps the email without it (lib/platform/email.ts).
 */
async function sendFamilyLink(email: string, baseUrl: string, ip: string | null, now: Date): Promise<void> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, role: true, active: true } });
  if (!user || user.role !== "PARENT" || !user.active) return;
  // After the answer (nothing here shows in it): over the account's limit, no new link and no email.
  if (!(await hit(`family-link:account:${personalDigest(email)}`, FAMILY_LINKS_PER_ACCOUNT_PER_HOUR, 3_600_000, now))) {
    console.warn("[family-link] an account asked for more links than allowed this hour: none sent");
    return;
  }
  const token = randomBytes(32).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    await tx.loginToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.loginToken.create({
      data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + FAMILY_LINK_MINUTES * 60_000) },
    });
    await writeAudit(tx, { actor: { id: user.id }, action: "auth.family_link_requested", entityType: "User", entityId: user.id, ip });
  });
  const link = `${baseUrl.replace(/\/$/, "")}/sign-in/family/verify?token=${encodeURIComponent(token)}`;
  await sendEmail({
    to: email,
    subject: "Your sign-in link for SEND mediation",
    body: [
      `Hello ${user.name},`,
      "",
      "Use this link to see your mediation case:",
      link,
      "",
      `The link works once and expires in ${FAMILY_LINK_MINUTES} minutes. A newer link replaces it.`,
      "If you did not ask for it, you can ignore this email.",
    ].join("\n"),
    secrets: [link],
  });
}

export type ConsumeResult = { ok: true; user: SessionUser; sessionVersion: number } | { ok: false; reason: "INVALID" | "EXPIRED" | "USED" };

/** Marks the token used atomically: two concurrent uses cannot both succeed. */
export async function consumeFamilyLink(token: string, ip: string | null, now = new Date()): Promise<ConsumeResult> {
  if (!token || token.length > 200) return { ok: false, reason: "INVALID" };
  const row = await db().loginToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, localAuthorityId: true, active: true, sessionVersion: true } } },
  });
  if (!row || row.user.role !== "PARENT" || !row.user.active) return { ok: false, reason: "INVALID" };
  if (row.usedAt) return { ok: false, reason: "USED" };
  if (row.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  const claimed = await db().$transaction(async (tx) => {
    // Still unused and unexpired at the moment it is claimed (a newer link may have replaced it).
    const { count } = await tx.loginToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 1) await writeAudit(tx, { actor: { id: row.userId }, action: "auth.signed_in", entityType: "User", entityId: row.userId, ip, after: { method: "family-link" } });
    return count === 1;
  });
  if (!claimed) return { ok: false, reason: "USED" };
  const u = row.user;
  return { ok: true, user: { id: u.id, email: u.email, name: u.name, role: u.role, localAuthorityId: u.localAuthorityId }, sessionVersion: u.sessionVersion };
}
