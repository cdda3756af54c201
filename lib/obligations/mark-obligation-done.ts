/**
 * Marks an agreed action done (R-40: "how it will be checked"): the date it was done, a note of how
 * it was done and checked, optional evidence. By the LA officer of the case's LA or the office
 * (`obligation:update`; others: 404). Only an open action; once done it stays done. A shared
 * timeline entry (the action's own words, which everyone signed) and an audit row, in one transaction.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, formatLongDate, todayInLondon } from "@/lib/deadlines";
import { recordEvent } from "@/lib/cases/timeline";
import { DONE_FIELDS, markDoneSchema } from "./obligation-schema";
import { NOT_OPEN_MESSAGE } from "./record-obligation-progress";
import { findObligationOrThrow } from "./store";
import { shortWhat } from "./wording";

export async function markObligationDone(
  user: SessionUser,
  input: { caseId: string; obligationId: string; completedOn: string; note: string; evidence?: string; shareWithFamily?: string },
  ip: string | null = null,
  now: Date = new Date(),
): Promise<{ caseId: string; obligationId: string }> {
  authorize(user, "obligation:update");
  const v = parseInput(markDoneSchema(todayInLondon(now)), input, { order: DONE_FIELDS });
  return transaction(async (tx) => {
    const o = await findObligationOrThrow(user, v.caseId, v.obligationId, { id: true, caseId: true, what: true }, tx);
    const r = await tx.obligation.updateMany({ where: { id: o.id, status: "OPEN" }, data: { status: "DONE", completedOn: dbDateFromIso(v.completedOn) } });
    if (r.count === 0) throw new DomainError(NOT_OPEN_MESSAGE, "OBLIGATION_NOT_OPEN");
    const shared = v.shareWithFamily === "yes";
    await tx.obligationUpdate.create({
      data: { obligationId: o.id, caseId: o.caseId, kind: "DONE", byId: user.id, note: v.note, evidence: v.evidence || null, sharedWithFamily: shared },
    });
    await recordEvent(tx, {
      caseId: o.caseId,
      actorId: user.id,
      type: "OBLIGATION_DONE",
      summary: `Agreed action done on ${formatLongDate(v.completedOn)}: ${shortWhat(o.what)}`,
      rule: "R-40",
      visibility: "SHARED",
      data: { obligationId: o.id, completedOn: v.completedOn },
    });
    await writeAudit(tx, {
      actor: user,
      action: "obligation.done",
      entityType: "Obligation",
      entityId: o.id,
      caseId: o.caseId,
      before: { status: "OPEN" },
      after: { status: "DONE", completedOn: v.completedOn, evidence: !!v.evidence, sharedWithFamily: shared },
      ip,
    });
    return { caseId: o.caseId, obligationId: o.id };
  });
}
