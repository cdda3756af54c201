/**
 * Issue 13 (decision 0027): an admin invites a staff member by email — name, email, role, and for
 * an LA officer their local authority (required for them, refused for anyone else). The account is
 * made without a password, with a single-use set-password link (./send-password-link.ts) emailed
 * after the transaction. Audited (ids, role and LA only: never the name or email).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { normaliseEmail } from "@/lib/auth/staff-sign-in";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import type { SendResult } from "@/lib/platform/email";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { EMAIL_FORMAT_MESSAGE, LIMITS, isEmail, requiredText, tooLong } from "@/lib/cases/fields";
import { laField, localAuthorityForRole, roleField, type StaffRole } from "./store";
import { emailPasswordLink, issuePasswordLink } from "./send-password-link";

export const inviteSchema = z.object({
  name: requiredText(LIMITS.name, "Enter their full name", tooLong("Their name", LIMITS.name)),
  email: requiredText(LIMITS.email, "Enter their email address", tooLong("Their email address", LIMITS.email)).refine((v) => v === "" || isEmail(v), EMAIL_FORMAT_MESSAGE),
  role: roleField,
  localAuthorityId: laField,
});
const ORDER = ["name", "email", "role", "localAuthorityId"];

export const EMAIL_TAKEN = "Someone already has an account with this email address. Find them in the list of users";

export async function inviteUser(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date(), origin?: string): Promise<{ id: string; expiresAt: Date; email: SendResult }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(inviteSchema, input, { order: ORDER });
  const email = normaliseEmail(v.email);
  const role = v.role as StaffRole;
  const made = await transaction(async (tx) => {
    const localAuthorityId = await localAuthorityForRole(tx, role, v.localAuthorityId);
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) fieldError("email", EMAIL_TAKEN);
    const user = await tx.user.create({ data: { email, name: v.name, role, localAuthorityId }, select: { id: true } });
    const link = await issuePasswordLink(tx, user.id, admin.id, now);
    await writeAudit(tx, { actor: admin, action: "user.invited", entityType: "User", entityId: user.id, after: { role, localAuthorityId, linkId: link.linkId, expiresAt: link.expiresAt.toISOString() }, ip });
    return { id: user.id, link };
  });
  const sent = await emailPasswordLink({ email, name: v.name }, made.link, admin.name, origin);
  return { id: made.id, expiresAt: made.link.expiresAt, email: sent };
}
