/**
 * Records progress on an agreed action (issue 11): a note and optional evidence (text or a link),
 * by the LA officer of the case's LA or the mediation service's office (`obligation:update`; anyone
 * else, or another LA's officer: 404). Only while it is open. The family sees the note only when
 * the writer shares it (decision 0018). Audited without the note's text.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { PROGRESS_FIELDS, recordProgressSchema } from "./obligation-schema";
import { findObligationOrThrow } from "./store";

export const NOT_OPEN_MESSAGE = "This agreed action is already done or closed, so nothing more can be recorded on it.";

export async function recordObligationProgress(
  user: SessionUser,
  input: { caseId: string; obligationId: string; note: string; evidence?: string; shareWithFamily?: string },
  ip: string | null = null,
): Promise<{ caseId: string; obligationId: string; updateId: string }> {
  authorize(user, "obligation:update");
  const v = parseInput(recordProgressSchema, input, { order: PROGRESS_FIELDS });
  return transaction(async (tx) => {
    const o = await findObligationOrThrow(user, v.caseId, v.obligationId, { id: true, caseId: true, status: true }, tx);
    // Locks the row, so a progress note never lands after it was marked done by someone else.
    const r = await tx.obligation.updateMany({ where: { id: o.id, status: "OPEN" }, data: { updatedAt: new Date() } });
    if (r.count === 0) throw new DomainError(NOT_OPEN_MESSAGE, "OBLIGATION_NOT_OPEN");
    const u = await tx.obligationUpdate.create({
      data: { obligationId: o.id, caseId: o.caseId, kind: "PROGRESS", byId: user.id, note: v.note, evidence: v.evidence || null, sharedWithFamily: v.shareWithFamily === "yes" },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor: user,
      action: "obligation.progress_recorded",
      entityType: "Obligation",
      entityId: o.id,
      caseId: o.caseId,
      after: { updateId: u.id, evidence: !!v.evidence, sharedWithFamily: v.shareWithFamily === "yes" },
      ip,
    });
    return { caseId: o.caseId, obligationId: o.id, updateId: u.id };
  });
}
