/**
 * Issue 13 (decision 0027): the recovery for a lost phone — an admin turns another staff member's
 * two-step sign-in off (and any set-up in progress). Their sessions end too (whoever has the phone
 * may have been signed in). A user for whom it is required (an admin) is sent to set it up again
 * at their next sign-in. Not one's own (another admin does it). Version-checked and audited.
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

export const NOT_ON = "Two-step sign-in is not on for this user.";
export const NOT_OWN = "You cannot reset your own two-step sign-in. Ask another administrator.";

export async function resetSecondFactor(admin: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ version: number }> {
  authorize(admin, "user:manage", { hide: false });
  const v = parseInput(schema, input);
  if (v.userId === admin.id) throw new DomainError(NOT_OWN, "SELF");
  return transaction(async (tx) => {
    const u = await lockStaffUser(tx, admin, v.userId, v.version);
    const pending = await tx.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpPendingSecret: true } });
    if (!u.totpEnabledAt && !pending.totpPendingSecret) throw new DomainError(NOT_ON, "NOT_ON");
    const row = await tx.user.update({
      where: { id: u.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null, version: { increment: 1 }, sessionVersion: { increment: 1 } },
      select: { version: true },
    });
    await writeAudit(tx, { actor: admin, action: "user.second_factor_reset", entityType: "User", entityId: u.id, before: { secondFactor: u.totpEnabledAt !== null, version: u.version }, after: { secondFactor: false, version: row.version, sessionsEnded: true }, ip });
    return row;
  });
}
