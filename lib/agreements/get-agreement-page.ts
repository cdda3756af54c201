/**
 * The drafting page's data (/cases/[id]/agreement): the case's latest agreement version with its
 * actions (due dates and rules), signers and their state for the current text; or whether one can
 * be started. The mediation service only ("agreement:draft"); the LA and the family see the sealed
 * document (lib/platform/documents), never the draft. Outside the scope: NotFoundError (404).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { actionDueDate, effectiveDueOn, type AgreedActionKind } from "./action-kinds";
import { readAgreementText, signerStates } from "./store";

export async function getAgreementPage(user: SessionUser, caseId: string) {
  authorize(user, "agreement:draft");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true, kind: true, agreement: true, heldOn: true, version: true });
  const canStart = !!c.heldOn && (c.kind === "DRS" || (c.kind === "MEDIATION" && (c.agreement === "FULL" || c.agreement === "PARTIAL")));
  const a = await db().caseAgreement.findFirst({
    where: { caseId },
    orderBy: { version: "desc" },
    select: {
      id: true, kind: true, version: true, status: true, revision: true, agreedOn: true, whatWasAgreed: true, whatWasNotAgreed: true, contentSha256: true, documentId: true, sealedAt: true, supersedesId: true,
      actions: { orderBy: { position: "asc" } },
    },
  });
  if (!a) return { case: c, canStart, agreement: null };
  const agreedOn = isoFromDbDate(a.agreedOn);
  const signers = await signerStates(db(), a.id, a.contentSha256);
  const parties = await db().party.findMany({ where: { caseId, id: { in: signers.map((s) => s.partyId).filter((x): x is string => !!x) } }, select: { id: true, email: true } });
  const emailOf = new Map(parties.map((p) => [p.id, p.email]));
  return {
    case: c,
    canStart,
    agreement: {
      ...a,
      agreedOn,
      actions: a.actions.map((x) => {
        const dueOn = isoFromDbDate(x.dueOn);
        const due = actionDueDate(agreedOn, x.kind as AgreedActionKind, dueOn);
        const overrideDueOn = x.overrideDueOn ? isoFromDbDate(x.overrideDueOn) : null;
        return {
          id: x.id,
          what: x.what,
          responsible: x.responsible,
          kind: x.kind as AgreedActionKind,
          howChecked: x.howChecked,
          dueOn,
          dueText: due.text,
          dueRule: due.rule,
          overrideDueOn,
          overrideAgreedBy: x.overrideAgreedBy,
          overrideAgreedOn: x.overrideAgreedOn ? isoFromDbDate(x.overrideAgreedOn) : null,
          effectiveDueOn: effectiveDueOn({ dueOn, overrideDueOn }),
        };
      }),
      signers: signers.map((s) => ({ ...s, hasEmail: !!(s.partyId && emailOf.get(s.partyId)) })),
    },
  };
}

/** The text as it is signed (for the in-room signing page), through the same scope. */
export async function getAgreementText(user: SessionUser, caseId: string) {
  const p = await getAgreementPage(user, caseId);
  return p.agreement ? readAgreementText(db(), p.agreement.id) : null;
}
