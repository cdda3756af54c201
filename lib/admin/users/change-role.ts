/**
 * Issue 13: an admin changes a staff member's role and local authority. An LA officer needs their
 * LA; other roles have none. An admin cannot change their own role, nor make the last active
 * admin something else. A safeguarding lead who stops being a caseworker or admin stops
 * being a lead (said in the audit row). The change applies at once: every request re-reads the
 * user (lib/users). Version-checked and audited; nothing changes when nothing was changed.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { assertAnotherActiveAdmin, CANNOT_CHANGE_SELF, idField, laField, localAuthorityForRole, lockStaffUser, roleField, SAFEGUARDING_LEAD_ROLES, versionField, type StaffRole } from "./store";

const schema = z.object({ userId: idField, version: versionField, role: roleField, localAuthorityId: laField });

export const NOTHING_CHANGED = "The role and local authority are the same as before. Change one of them, or go back.";

export async function changeUserRole(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ version: number }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input, { order: ["role", "localAuthorityId"] });
  const role = v.role as StaffRole;
  if (v.userId === admin.id) throw new DomainError(CANNOT_CHANGE_SELF, "SELF");
  return transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version, { adminGuard: true });
    const localAuthorityId = await localAuthorityForRole(tx, role, v.localAuthorityId);
    if (u.role === role && u.localAuthorityId === localAuthorityId) throw new DomainError(NOTHING_CHANGED, "UNCHANGED");
    if (u.role === "ADMIN" && role !== "ADMIN" && u.active) await assertAnotherActiveAdmin(tx, u.id);
    const safeguardingLead = u.safeguardingLead && SAFEGUARDING_LEAD_ROLES.includes(role);
    const row = await tx.user.update({ where: { id: u.id }, data: { role, localAuthorityId, safeguardingLead, version: { increment: 1 } }, select: { version: true } });
    await writeAudit(tx, {
      actor: admin,
      action: "user.role_changed",
      entityType: "User",
      entityId: u.id,
      before: { role: u.role, localAuthorityId: u.localAuthorityId, safeguardingLead: u.safeguardingLead, version: u.version },
      after: { role, localAuthorityId, safeguardingLead, version: row.version },
      ip,
    });
    return { version: row.version };
  });
}
