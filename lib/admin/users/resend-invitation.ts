/**
 * Issue 13: an admin sends a staff member a new set-password link — the invitation again, or a
 * way back in for someone who forgot their password. Every older unused link stops working at
 * once. Only for an active account; version-checked and audited.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import type { SendResult } from "@/lib/platform/email";
import { parseInput } from "@/lib/platform/validation";
import { idField, lockStaffUser, versionField } from "./store";
import { emailPasswordLink, issuePasswordLink } from "./send-password-link";

const schema = z.object({ userId: idField, version: versionField });

export const INACTIVE_NO_LINK = "This account is deactivated. Re-activate it before sending a link to set a password.";

export async function resendInvitation(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date(), origin?: string): Promise<{ expiresAt: Date; email: SendResult }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input);
  const made = await transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version);
    if (!u.active) throw new DomainError(INACTIVE_NO_LINK, "INACTIVE");
    const link = await issuePasswordLink(tx, u.id, admin.id, now);
    await tx.user.update({ where: { id: u.id }, data: { version: { increment: 1 } } });
    await writeAudit(tx, { actor: admin, action: "user.invitation_resent", entityType: "User", entityId: u.id, after: { linkId: link.linkId, expiresAt: link.expiresAt.toISOString(), hadPassword: u.passwordHash !== null }, ip });
    return { to: { email: u.email, name: u.name }, link };
  });
  const sent = await emailPasswordLink(made.to, made.link, admin.name, origin);
  return { expiresAt: made.link.expiresAt, email: sent };
}
