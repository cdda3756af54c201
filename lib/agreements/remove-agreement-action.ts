/** Removes an agreed action from the draft; the text changes, so it needs signing again. */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { afterTextChange, loadForChange } from "./store";

export async function removeAgreementAction(user: SessionUser, input: Record<string, unknown>, ip: string | null = null): Promise<{ revision: number }> {
  return transaction(async (tx) => {
    const a = await loadForChange(tx, user, input);
    const actionId = typeof input.actionId === "string" ? input.actionId.trim() : "";
    const r0 = await tx.agreementAction.deleteMany({ where: { id: actionId, agreementId: a.id } });
    if (r0.count !== 1) throw new NotFoundError("action");
    const r = await afterTextChange(tx, a.id, a.revision);
    await writeAudit(tx, { actor: user, action: "agreement.action_removed", entityType: "Agreement", entityId: a.id, caseId: a.caseId, after: { actionId, revision: r.revision, contentSha256: r.contentSha256 }, ip });
    return { revision: r.revision };
  });
}
