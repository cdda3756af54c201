/**
 * Issue 13: an admin re-activates a deactivated staff member. Old sessions stay ended (their
 * version was bumped when deactivated); the person signs in again with their password, or with a
 * new set-password link if they never set one. Version-checked and audited.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { idField, lockStaffUser, versionField } from "./store";

const schema = z.object({ userId: idField, version: versionField });

export const ALREADY_ACTIVE = "This account is already active.";

export async function reactivateUser(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ version: number }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input);
  return transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version);
    if (u.active) throw new DomainError(ALREADY_ACTIVE, "ALREADY_ACTIVE");
    const row = await tx.user.update({ where: { id: u.id }, data: { active: true, version: { increment: 1 } }, select: { version: true } });
    await writeAudit(tx, { actor: admin, action: "user.reactivated", entityType: "User", entityId: u.id, before: { active: false, version: u.version }, after: { active: true, version: row.version }, ip });
    return row;
  });
}
