/**
 * Issue 13: an admin deactivates a staff member — they cannot sign in, and every session they have
 * ends at once (the session version is bumped, lib/auth/sessions.ts: re-activating later does not
 * bring an old cookie back), and their unused set-password links stop working. Nothing is
 * deleted: their name stays on everything they did. Not themselves; not the last active admin.
 * Version-checked and audited.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { assertAnotherActiveAdmin, CANNOT_CHANGE_SELF, idField, lockStaffUser, versionField } from "./store";

const schema = z.object({ userId: idField, version: versionField });

export const ALREADY_INACTIVE = "This account is already deactivated.";

export async function deactivateUser(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null, now = new Date()): Promise<{ version: number; sessionVersion: number }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input);
  if (v.userId === admin.id) throw new DomainError(CANNOT_CHANGE_SELF, "SELF");
  return transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version, { adminGuard: true });
    if (!u.active) throw new DomainError(ALREADY_INACTIVE, "ALREADY_INACTIVE");
    if (u.role === "ADMIN") await assertAnotherActiveAdmin(tx, u.id);
    const row = await tx.user.update({ where: { id: u.id }, data: { active: false, version: { increment: 1 }, sessionVersion: { increment: 1 } }, select: { version: true, sessionVersion: true } });
    const { count: linksRevoked } = await tx.passwordLink.updateMany({ where: { userId: u.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, { actor: admin, action: "user.deactivated", entityType: "User", entityId: u.id, before: { active: true, version: u.version }, after: { active: false, version: row.version, sessionsEnded: true, linksRevoked }, ip });
    return row;
  });
}
