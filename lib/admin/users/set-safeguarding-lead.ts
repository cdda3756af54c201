/**
 * Issue 13, R-81: an admin names a caseworker or admin as a safeguarding lead — who may read the
 * notes marked as a safeguarding concern (lib/auth/policy.ts "case:read-safeguarding") — or stops
 * them being one. The page asks for confirmation first. Version-checked and audited.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { idField, lockStaffUser, NOT_A_LEAD_ROLE, SAFEGUARDING_LEAD_ROLES, versionField } from "./store";

const schema = z.object({
  userId: idField,
  version: versionField,
  lead: z.preprocess((v) => (v === "true" || v === true ? true : v === "false" || v === false ? false : null), z.boolean({ message: "Choose whether they are a safeguarding lead" })),
});

export async function setSafeguardingLead(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ version: number }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input);
  return transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version);
    if (v.lead && !SAFEGUARDING_LEAD_ROLES.includes(u.role)) throw new DomainError(NOT_A_LEAD_ROLE, "NOT_A_LEAD_ROLE");
    if (u.safeguardingLead === v.lead) throw new DomainError(v.lead ? "They are already a safeguarding lead." : "They are not a safeguarding lead.", "UNCHANGED");
    const row = await tx.user.update({ where: { id: u.id }, data: { safeguardingLead: v.lead, version: { increment: 1 } }, select: { version: true } });
    await writeAudit(tx, { actor: admin, action: "user.safeguarding_lead_changed", entityType: "User", entityId: u.id, before: { safeguardingLead: u.safeguardingLead, version: u.version }, after: { safeguardingLead: v.lead, version: row.version }, ip });
    return row;
  });
}
