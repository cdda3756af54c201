/**
 * Closes an agreed action without it being done, with a reason (e.g. the parties agreed it is no
 * longer needed, or it was overtaken by a new plan): the case can then close. By the LA
 * officer of the case's LA or the office (`obligation:update`; others: 404); only an open action.
 * The reason is shared with the family, who signed the agreement (decision 0018); the audit row
 * never holds it.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { recordEvent } from "@/lib/cases/timeline";
import { closeObligationSchema } from "./obligation-schema";
import { NOT_OPEN_MESSAGE } from "./record-obligation-progress";
import { findObligationOrThrow } from "./store";
import { shortWhat } from "./wording";

export async function closeObligation(
  user: SessionUser,
  input: { caseId: string; obligationId: string; reason: string },
  ip: string | null = null,
): Promise<{ caseId: string; obligationId: string }> {
  authorize(user, "obligation:update");
  const v = parseInput(closeObligationSchema, input);
  return transaction(async (tx) => {
    const o = await findObligationOrThrow(user, v.caseId, v.obligationId, { id: true, caseId: true, what: true }, tx);
    const r = await tx.obligation.updateMany({ where: { id: o.id, status: "OPEN" }, data: { status: "CLOSED_WITH_REASON", closedReason: v.reason } });
    if (r.count === 0) throw new DomainError(NOT_OPEN_MESSAGE, "OBLIGATION_NOT_OPEN");
    await tx.obligationUpdate.create({ data: { obligationId: o.id, caseId: o.caseId, kind: "CLOSED", byId: user.id, note: v.reason, sharedWithFamily: true } });
    await recordEvent(tx, {
      caseId: o.caseId,
      actorId: user.id,
      type: "OBLIGATION_CLOSED",
      summary: `Agreed action closed without being done: ${shortWhat(o.what)}`,
      rule: "R-40",
      visibility: "SHARED",
      data: { obligationId: o.id },
    });
    await writeAudit(tx, { actor: user, action: "obligation.closed", entityType: "Obligation", entityId: o.id, caseId: o.caseId, before: { status: "OPEN" }, after: { status: "CLOSED_WITH_REASON" }, ip });
    return { caseId: o.caseId, obligationId: o.id };
  });
}
