/**
 * Adds an agreed action to the draft, or changes one (R-40: what will happen, who is responsible,
 * by when, how it is checked). The due date is computed from the agreement date by lib/deadlines
 * for its kind (R-41, R-42; R-41's "maintain or cease" is due at once); OTHER takes the date the
 * parties wrote. R-44: another date only with the parties' written agreement recorded — the new
 * date, who agreed and when, all three or none (./action-kinds.ts checkOverride).
 * The text changes, so the agreement goes back to DRAFT and needs signing again.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { fieldError, parseInput, VALIDATION_MESSAGE } from "@/lib/platform/validation";
import { dbDateFromIso, todayInLondon } from "@/lib/deadlines";
import { actionDueDate, checkOverride } from "./action-kinds";
import { AGREEMENT_ACTION_ORDER, MAX_ACTIONS, agreementActionSchema } from "./agreement-schema";
import { afterTextChange, loadForChange } from "./store";

export async function saveAgreementAction(
  user: SessionUser,
  input: Record<string, unknown>,
  ip: string | null = null,
  today = todayInLondon(),
): Promise<{ revision: number; actionId: string }> {
  return transaction(async (tx) => {
    const a = await loadForChange(tx, user, input);
    const actionId = typeof input.actionId === "string" && input.actionId.trim() !== "" ? input.actionId.trim() : null;
    const v = parseInput(agreementActionSchema, input, { order: AGREEMENT_ACTION_ORDER });
    if (v.kind === "OTHER" && v.otherDueOn === "") fieldError("otherDueOn", "Enter the date the parties agreed it will be done by");
    if (v.kind === "OTHER" && v.otherDueOn < a.agreedOn) fieldError("otherDueOn", "The date it will be done by cannot be before the agreement date");
    const problems = checkOverride({ dueOn: v.overrideDueOn, agreedBy: v.overrideAgreedBy, agreedOn: v.overrideAgreedOn }, a.agreedOn, today);
    if (problems.length > 0) throw new DomainError(VALIDATION_MESSAGE, "VALIDATION", Object.fromEntries(problems.map((p) => [p.field, p.message])));

    const due = actionDueDate(a.agreedOn, v.kind, v.kind === "OTHER" ? v.otherDueOn : null);
    const hasOverride = v.overrideDueOn !== "";
    const data = {
      what: v.what,
      responsible: v.responsible,
      kind: v.kind,
      dueOn: dbDateFromIso(due.date),
      howChecked: v.howChecked,
      overrideDueOn: hasOverride ? dbDateFromIso(v.overrideDueOn) : null,
      overrideAgreedBy: hasOverride ? v.overrideAgreedBy : null,
      overrideAgreedOn: hasOverride ? dbDateFromIso(v.overrideAgreedOn) : null,
    };
    let id: string;
    if (actionId) {
      const existing = await tx.agreementAction.findFirst({ where: { id: actionId, agreementId: a.id }, select: { id: true } });
      if (!existing) throw new NotFoundError("action");
      id = (await tx.agreementAction.update({ where: { id: actionId }, data, select: { id: true } })).id;
    } else {
      const count = await tx.agreementAction.count({ where: { agreementId: a.id } });
      if (count >= MAX_ACTIONS) throw new DomainError(`An agreement can hold up to ${MAX_ACTIONS} actions.`, "TOO_MANY_ACTIONS");
      const last = await tx.agreementAction.findFirst({ where: { agreementId: a.id }, orderBy: { position: "desc" }, select: { position: true } });
      id = (await tx.agreementAction.create({ data: { ...data, agreementId: a.id, caseId: a.caseId, position: (last?.position ?? -1) + 1 }, select: { id: true } })).id;
    }
    const r = await afterTextChange(tx, a.id, a.revision);
    await writeAudit(tx, {
      actor: user,
      action: "agreement.action_saved",
      entityType: "Agreement",
      entityId: a.id,
      caseId: a.caseId,
      after: { actionId: id, added: !actionId, kind: v.kind, responsible: v.responsible, dueOn: due.date, overrideDueOn: hasOverride ? v.overrideDueOn : null, revision: r.revision, contentSha256: r.contentSha256 },
      ip,
    });
    return { revision: r.revision, actionId: id };
  });
}
