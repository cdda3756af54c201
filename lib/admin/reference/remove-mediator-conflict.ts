/**
 * An admin removes a mediator's conflict of interest recorded by mistake or no longer true (R-13,
 * issue 13). No case refers to a conflict, so it is deleted; the audit row keeps that it existed
 * (its name, email and reason redacted).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { findPanelMediatorOrThrow } from "./mediator-panel-store";

export async function removeMediatorConflict(user: SessionUser, mediatorId: string, conflictId: string, ip: string | null = null): Promise<void> {
  authorize(user, "reference-data:manage");
  await transaction(async (tx) => {
    const m = await findPanelMediatorOrThrow(user, mediatorId, { id: true }, tx);
    const k = await tx.mediatorConflict.findFirst({ where: { id: String(conflictId).slice(0, 200), mediatorId: m.id } });
    if (!k) throw new NotFoundError("conflict");
    await tx.mediatorConflict.delete({ where: { id: k.id } });
    await writeAudit(tx, {
      actor: user,
      action: "mediator.conflict_removed",
      entityType: "MediatorConflict",
      entityId: k.id,
      before: { mediatorId: m.id, localAuthorityId: k.localAuthorityId, name: k.partyName, email: k.partyEmail, reason: k.reason },
      ip,
    });
  });
}
