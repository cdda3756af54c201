/**
 * Issue 13 (decision 0027): the link an invited staff member sets their password with. Issued in
 * the caller's transaction (every older unused link of the person is revoked: only the newest
 * works), emailed after it commits.
 *
 * The email goes with sendEmail, the link marked as a secret, not through the outbox's queueEmail:
 * the outbox refuses a working link (lib/platform/outbox/queue-email.ts, issue 9 item 5 — the
 * database never holds one; the stored copy keeps the email without it). If delivery fails it is
 * not retried (a retry would have no link): the page says so and the admin sends the invitation
 * again, which makes a new link.
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { sendEmail, type SendResult } from "@/lib/platform/email";
import { publicOrigin } from "@/lib/platform/public-origin";
import { newPasswordToken, passwordTokenSha256, PASSWORD_LINK_HOURS, setPasswordUrl } from "@/lib/auth/password-links/password-link";

export type IssuedLink = { linkId: string; token: string; expiresAt: Date };

export async function issuePasswordLink(tx: Tx, userId: string, adminId: string, now: Date): Promise<IssuedLink> {
  const token = newPasswordToken();
  await tx.passwordLink.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  const link = await tx.passwordLink.create({ data: { userId, tokenHash: passwordTokenSha256(token), createdById: adminId, expiresAt, createdAt: now }, select: { id: true } });
  return { linkId: link.id, token, expiresAt };
}

export async function emailPasswordLink(to: { email: string; name: string }, link: IssuedLink, invitedBy: string, origin = publicOrigin()): Promise<SendResult> {
  const url = setPasswordUrl(origin, link.token);
  const until = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" }).format(link.expiresAt);
  return sendEmail({
    to: to.email,
    subject: "Set your password for SEND Mediation",
    body: [
      `Hello ${to.name},`,
      "",
      `${invitedBy} has given you an account on SEND Mediation, the case management service of your mediation provider.`,
      "Open this link to set your password:",
      "",
      url,
      "",
      `The link works once, until ${until}. Only the newest link sent to you works.`,
      "After setting your password, sign in with your email address and the password.",
      "If you were not expecting this email, you can ignore it.",
    ].join("\n"),
    secrets: [url],
  });
}
