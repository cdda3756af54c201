/**
 * A caseworker records whether a party agreed to take part (R-70, R-73; for mediation the family
 * party, R-01). Consent decides whether a mediator can be allocated, so recording it bumps the
 * case version like any other change to the case. The answer's date is on or after the decision
 * notice and on or before the meeting held (../date-order). STAFF timeline entry.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { dbDateFromIso, formatLongDate } from "@/lib/deadlines";
import { describeParty, type ConsentValue } from "../options";
import { recordEvent } from "../timeline";
import { answerDateProblem } from "../date-order";
import { bumpVersion, caseCommandSchema, caseIdSchema, findCaseOrThrow, findOpenCaseForUpdate, toIso } from "../store";
import { CONSENT_DATE_LABEL, consentSchema, type ConsentInput } from "./party-schema";

export async function recordConsent(
  user: SessionUser,
  caseId: string,
  partyId: string,
  expectedVersion: number | string,
  input: ConsentInput,
  ip: string | null = null,
): Promise<{ version: number }> {
  const ref = parseInput(caseCommandSchema.extend({ partyId: caseIdSchema }), { caseId, partyId, expectedVersion });
  const v = parseInput(consentSchema(), input);
  authorize(user, "case:update", { hide: false });
  return transaction(async (tx) => {
    const c = await findOpenCaseForUpdate(tx, user, ref.caseId, ref.expectedVersion);
    const p = await tx.party.findFirst({ where: { id: ref.partyId, caseId: c.id }, select: { id: true, name: true, kind: true, consent: true, consentOn: true, consentHow: true } });
    if (!p) throw new NotFoundError("party");
    const pending = v.consent === "PENDING";
    const next = { consent: v.consent as ConsentValue, consentOn: pending ? null : v.consentOn, consentHow: pending ? null : v.consentHow };
    if (next.consentOn) {
      const dates = await findCaseOrThrow(user, c.id, { decisionSentOn: true, heldOn: true }, tx);
      const problem = answerDateProblem(CONSENT_DATE_LABEL, next.consentOn, { decisionSentOn: toIso(dates.decisionSentOn), heldOn: toIso(dates.heldOn) });
      if (problem) fieldError("consentOn", problem);
    }
    const version = await bumpVersion(tx, c.id, ref.expectedVersion);
    await tx.party.update({ where: { id: p.id }, data: { consent: next.consent, consentOn: next.consentOn ? dbDateFromIso(next.consentOn) : null, consentHow: next.consentHow } });
    const who = describeParty(p);
    const summary =
      next.consent === "GIVEN"
        ? `${who} agreed to take part (told us ${next.consentHow} on ${formatLongDate(next.consentOn!)})`
        : next.consent === "DECLINED"
          ? `${who} declined to take part (told us ${next.consentHow} on ${formatLongDate(next.consentOn!)})`
          : `${who}: agreement to take part set back to not yet agreed`;
    await recordEvent(tx, { caseId: c.id, actorId: user.id, type: "CONSENT_RECORDED", summary, rule: "R-73", visibility: "STAFF", data: { partyId: p.id, ...next } });
    await writeAudit(tx, {
      actor: user,
      action: "party.consent_recorded",
      entityType: "Party",
      entityId: p.id,
      caseId: c.id,
      before: { version: ref.expectedVersion, consent: p.consent, consentOn: toIso(p.consentOn), consentHow: p.consentHow },
      after: { version, ...next },
      ip,
    });
    return { version };
  });
}
