/**
 * Changes the draft's text: the agreement date and what was (and, partial agreement, was not)
 * agreed. A new agreement date moves every computed due date with it (R-41, R-42, R-62; an R-44
 * override and an OTHER date stay as the parties wrote them). Any change returns the agreement to
 * DRAFT with a new content hash: signatures given for the old text no longer count (decision 0016).
 * Refused, with nothing written, once the agreement is sealed.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { actionDueDate, type AgreedActionKind } from "./action-kinds";
import { AGREEMENT_TEXT_ORDER, agreementTextSchema } from "./agreement-schema";
import { afterTextChange, loadForChange } from "./store";

export async function updateAgreement(user: SessionUser, input: Record<string, unknown>, ip: string | null = null, today = todayInLondon()): Promise<{ revision: number }> {
  return transaction(async (tx) => {
    const a = await loadForChange(tx, user, input);
    const v = parseInput(agreementTextSchema, input, { order: AGREEMENT_TEXT_ORDER });
    if (v.agreedOn > today) fieldError("agreedOn", "The date of the agreement must be today or in the past");
    const c = await tx.case.findUniqueOrThrow({ where: { id: a.caseId }, select: { heldOn: true, agreement: true } });
    if (c.heldOn && v.agreedOn < isoFromDbDate(c.heldOn)) fieldError("agreedOn", "The date of the agreement cannot be before the meeting");
    if (c.agreement === "PARTIAL" && a.kind === "AGREEMENT" && v.whatWasNotAgreed === "") fieldError("whatWasNotAgreed", "Enter what was not agreed (the meeting reached a partial agreement)");

    await tx.caseAgreement.update({
      where: { id: a.id },
      data: { agreedOn: dbDateFromIso(v.agreedOn), whatWasAgreed: v.whatWasAgreed, whatWasNotAgreed: v.whatWasNotAgreed || null },
    });
    if (v.agreedOn !== a.agreedOn) {
      const actions = await tx.agreementAction.findMany({ where: { agreementId: a.id, kind: { not: "OTHER" } }, select: { id: true, kind: true } });
      for (const x of actions) await tx.agreementAction.update({ where: { id: x.id }, data: { dueOn: dbDateFromIso(actionDueDate(v.agreedOn, x.kind as AgreedActionKind).date) } });
    }
    const r = await afterTextChange(tx, a.id, a.revision);
    await writeAudit(tx, { actor: user, action: "agreement.updated", entityType: "Agreement", entityId: a.id, caseId: a.caseId, before: { revision: a.revision, agreedOn: a.agreedOn }, after: { revision: r.revision, agreedOn: v.agreedOn, contentSha256: r.contentSha256 }, ip });
    return { revision: r.revision };
  });
}
