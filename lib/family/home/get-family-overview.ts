/**
 * Issue 12: the family's overview of one case (/my-case/<case>): where it is (the stages), what
 * happens next, the key dates with the date engine's explanation, and the links to the family's
 * other pages. The case is found through caseScope (lib/cases/store findCaseOrThrow): another
 * family's case, or any id that is not theirs, is NotFoundError (404).
 *
 * only shared facts are read — no staff notes, no case notes, no STAFF timeline entries, no
 * meeting record beyond the fact that there is one, no contact details. Rule ids (R-xx) are for
 * staff: explanations are shown without them (lib/cases/rule-ids.ts).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { certificateScope, obligationScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isDeadlineInputError, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "@/lib/cases/store";
import { auditRead } from "@/lib/platform/audit/read";
import { partiesWhoseConsentIsRequired } from "@/lib/cases/lifecycle";
import { isDeadlineName, type DeadlineName } from "@/lib/cases/lifecycle";
import { explainDeadline } from "@/lib/cases/deadlines/definitions";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import { familyStatus } from "@/lib/cases/family/family-status";
import { withoutRuleIds } from "@/lib/cases/rule-ids";
import { findOwnSigner } from "@/lib/agreements/family-signer";
import { signerStates } from "@/lib/agreements/store";
import { familyNextStep, familyStages, type OverviewFacts, type Stage } from "./stages";
import { firstName, SIGN_LINK_TEXT, KEY_DATE_LABELS, NEXT_STEP_DATE_LABELS, WHO_LABELS, type KeyDateId } from "./wording";
import { familyCaseLinks, familySignHref, type FamilyCaseLink } from "./links";

const CERTIFICATE_DEADLINES = { CERTIFICATE_ADVICE_ONLY: "ADVICE_ONLY", CERTIFICATE_AFTER_MEDIATION: "AFTER_MEDIATION", CERTIFICATE_NOT_ARRANGED: "NOT_ARRANGED" } as const;
const MEDIATION_CLOCKS: DeadlineName[] = ["MEDIATION_30_DAY", "ICB_MEDIATION_30_DAY"];
/** Deadlines that no longer say anything to the family. */
const GONE = ["CANCELLED", "REPLACED"];

export type KeyDate = { id: KeyDateId; label: string; on: string | null; explanation: string | null };

export type FamilyOverview = {
  id: string;
  reference: string;
  childFirstName: string | null;
  localAuthority: string;
  /** The one sentence of where the case is (lib/cases/family/family-status.ts). */
  statusText: string;
  stages: Stage[];
  nextStep: { text: string; who: string | null; date: { label: string; on: string } | null; link: { href: string; label: string } | null };
  keyDates: KeyDate[];
  /** only section I is disputed, so no certificate is needed to appeal. */
  sectionIOnly: boolean;
  /** Whether anything was agreed (the short link to the agreement page says so). */
  hasAgreedActions: boolean;
  links: FamilyCaseLink[];
};

export async function getFamilyOverview(user: SessionUser, caseId: string, now: Date = new Date()): Promise<FamilyOverview> {
  authorize(user, "family:workspace");
  const c = await findCaseOrThrow(user, caseId, {
    ...SNAPSHOT_SELECT,
    reference: true,
    localAuthority: { select: { name: true } },
    child: { select: { name: true } },
  });
  const today = todayInLondon(now);
  // Issue 13: who viewed the case, and when (one row per user per case per READ_AUDIT_WINDOW_MINUTES).
  // Issue 14: written in the same round as the reads (not a transaction: each takes its own connection).
  const [deadlines, meetings, records, agreements, certificate, obligations, ownParties, ownSigner] = await Promise.all([
    db().caseDeadline.findMany({ where: { caseId: c.id }, orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }], select: { name: true, triggerOn: true, dueOn: true, closedOn: true, outcome: true } }),
    db().meeting.findMany({ where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: { in: ["SCHEDULED", "HELD"] } }, orderBy: { startsAt: "asc" }, select: { status: true, startsAt: true } }),
    db().meetingRecord.count({ where: { caseId: c.id } }),
    db().caseAgreement.findMany({ where: { caseId: c.id, status: { in: ["AWAITING_SIGNATURES", "SEALED"] } }, select: { status: true } }),
    db().certificate.findFirst({
      where: { AND: [{ caseId: c.id }, certificateScope(user)], supersededBy: { is: null } },
      orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
      select: { issuedOn: true, appealDeadlineOn: true, appealExplanation: true },
    }),
    db().obligation.findMany({ where: { AND: [{ caseId: c.id }, obligationScope(user)] }, orderBy: [{ dueOn: "asc" }, { position: "asc" }], select: { status: true, responsible: true, dueOn: true } }),
    db().party.findMany({ where: { caseId: c.id, userId: user.id }, select: { kind: true } }),
    findOwnSigner(db(), user, c.id),
    auditRead(user, { action: "case.viewed", entityType: "Case", entityId: c.id, caseId: c.id }),
  ]);

  let youMustSign = false;
  if (ownSigner) {
    const mine = (await signerStates(db(), ownSigner.agreementId, ownSigner.contentSha256)).find((s) => s.id === ownSigner.signerId);
    youMustSign = mine?.state !== "SIGNED";
  }

  const snapshot = toSnapshot(c);
  const required = partiesWhoseConsentIsRequired(snapshot);
  const scheduled = meetings.find((m) => m.status === "SCHEDULED");
  const meetingHeld = c.heldOn !== null || records > 0 || meetings.some((m) => m.status === "HELD");
  const openCertificate = deadlines.find((d) => d.closedOn === null && d.name in CERTIFICATE_DEADLINES);
  const clock = [...deadlines].reverse().find((d) => MEDIATION_CLOCKS.includes(d.name as DeadlineName) && !GONE.includes(d.outcome ?? ""));
  const open = obligations.filter((o) => o.status === "OPEN");

  const facts: OverviewFacts = {
    kind: c.kind,
    status: c.status,
    everyoneAgreed: required.length > 0 && required.every((p) => p.consent === "GIVEN"),
    mediatorAllocated: c.allocatedMediatorId !== null,
    meetingOn: meetingHeld ? null : scheduled ? todayInLondon(scheduled.startsAt) : c.status === "MEETING_SCHEDULED" && c.meetingOn ? isoFromDbDate(c.meetingOn) : null,
    meetingHeld,
    agreement: c.agreement,
    agreementSealed: agreements.some((a) => a.status === "SEALED"),
    agreementAwaitingSignatures: agreements.some((a) => a.status === "AWAITING_SIGNATURES"),
    youMustSign,
    certificateIssued: certificate !== null,
    certificateDue: openCertificate ? { kind: CERTIFICATE_DEADLINES[openCertificate.name as keyof typeof CERTIFICATE_DEADLINES], dueOn: isoFromDbDate(openCertificate.dueOn) } : null,
    mediationBy: clock && clock.closedOn === null ? isoFromDbDate(clock.dueOn) : null,
    appealBy: certificate?.appealDeadlineOn ? isoFromDbDate(certificate.appealDeadlineOn) : null,
    obligations: { total: obligations.length, open: open.length, nextOpen: open[0] ? { responsible: open[0].responsible, dueOn: isoFromDbDate(open[0].dueOn) } : null },
    today,
  };

  const step = familyNextStep(facts);
  const keyDates: KeyDate[] = [];
  // R-20 (R-21 health only): the day the mediation must take place by.
  if (clock && c.kind !== "ADVICE_ONLY") keyDates.push(deadlineDate("MEDIATION_BY", clock));
  // a certificate due (not yet issued).
  if (openCertificate) keyDates.push(deadlineDate("CERTIFICATE_DUE", openCertificate));
  // once a certificate exists, the last day to appeal, as worked out when it was issued.
  if (certificate) {
    keyDates.push({
      id: "APPEAL_BY",
      label: KEY_DATE_LABELS.APPEAL_BY,
      on: certificate.appealDeadlineOn ? isoFromDbDate(certificate.appealDeadlineOn) : null,
      explanation: withoutRuleIds(certificate.appealExplanation),
    });
  }

  const status = familyStatus({
    kind: c.kind,
    status: c.status,
    decisionSentOn: c.decisionSentOn ? isoFromDbDate(c.decisionSentOn) : null,
    sectionIOnly: isSectionIOnly(c.disputedDecisions),
    certificates: deadlines
      .filter((d) => d.name in CERTIFICATE_DEADLINES)
      .map((d) => ({ name: d.name, dueOn: isoFromDbDate(d.dueOn), closedOn: d.closedOn ? isoFromDbDate(d.closedOn) : null, outcome: d.outcome })),
  });

  return {
    id: c.id,
    reference: c.reference,
    childFirstName: firstName(c.child?.name),
    localAuthority: c.localAuthority.name,
    statusText: status.text,
    stages: familyStages(facts),
    nextStep: {
      text: step.text,
      who: step.who ? WHO_LABELS[step.who] : null,
      date: step.date ? { label: NEXT_STEP_DATE_LABELS[step.date.label], on: step.date.on } : null,
      link: step.id === "SIGN" || step.id === "SIGN_OUTCOME" ? { href: familySignHref(c.id), label: SIGN_LINK_TEXT } : null,
    },
    keyDates,
    sectionIOnly: c.kind !== "DRS" && isSectionIOnly(c.disputedDecisions),
    hasAgreedActions: obligations.length > 0,
    links: familyCaseLinks(c.id, { familyParty: c.familyParty, ownPartyKinds: ownParties.map((p) => p.kind) }),
  };
}

function deadlineDate(id: KeyDateId, d: { name: string; triggerOn: Date; dueOn: Date }): KeyDate {
  const on = isoFromDbDate(d.dueOn);
  let explanation: string | null = null;
  if (isDeadlineName(d.name)) {
    try {
      explanation = withoutRuleIds(explainDeadline(d.name, isoFromDbDate(d.triggerOn)).text);
    } catch (e) {
      // outside the years the holiday data covers the engine refuses to guess; the date stands.
      if (!isDeadlineInputError(e)) throw e;
    }
  }
  return { id, label: KEY_DATE_LABELS[id], on, explanation };
}
