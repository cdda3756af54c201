/**
 * Issue 13: one staff account for its page — who they are, role and LA, whether they can sign in
 * (active, password set, an invitation waiting, sign-in held back by failed attempts), their
 * second step, safeguarding lead, and the version the page's forms post back.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { accountKeyPrefixes } from "@/lib/auth/sign-in-limits";
import { secondFactorKey } from "@/lib/auth/totp/verify-sign-in-code";
import type { SessionUser } from "@/lib/auth/types";
import { findStaffUserOrThrow, SAFEGUARDING_LEAD_ROLES, type StaffRole } from "./store";
import { listUserLocalAuthorities } from "./list-users";

export async function getStaffUser(admin: SessionUser, id: string, now = new Date()) {
  authorize(admin, "user:manage");
  const u = await findStaffUserOrThrow(admin, id, {
    id: true,
    name: true,
    email: true,
    role: true,
    localAuthorityId: true,
    localAuthority: { select: { name: true } },
    active: true,
    safeguardingLead: true,
    passwordHash: true,
    totpEnabledAt: true,
    totpPendingSecret: true,
    version: true,
    createdAt: true,
  });
  const { account, pairPrefix } = accountKeyPrefixes(u.email);
  const [latestLink, heldBack, localAuthorities] = await Promise.all([
    db().passwordLink.findFirst({ where: { userId: u.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true, expiresAt: true, usedAt: true, revokedAt: true } }),
    db().loginThrottle.count({ where: { OR: [{ key: account }, { key: { startsWith: pairPrefix } }, { key: secondFactorKey(u.id) }], failures: { gt: 0 } } }),
    listUserLocalAuthorities(admin),
  ]);
  const linkWaiting = !!latestLink && !latestLink.usedAt && !latestLink.revokedAt && latestLink.expiresAt > now;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as StaffRole,
    localAuthorityId: u.localAuthorityId,
    localAuthority: u.localAuthority?.name ?? null,
    active: u.active,
    safeguardingLead: u.safeguardingLead,
    canBeLead: SAFEGUARDING_LEAD_ROLES.includes(u.role),
    passwordSet: u.passwordHash !== null,
    secondFactor: u.totpEnabledAt !== null ? ("ON" as const) : u.totpPendingSecret ? ("SETTING_UP" as const) : ("OFF" as const),
    secondFactorSince: u.totpEnabledAt,
    link: latestLink ? { sentAt: latestLink.createdAt, expiresAt: latestLink.expiresAt, waiting: linkWaiting, used: !!latestLink.usedAt } : null,
    failedSignInCounters: heldBack,
    version: u.version,
    createdAt: u.createdAt,
    isSelf: u.id === admin.id,
    localAuthorities,
  };
}
