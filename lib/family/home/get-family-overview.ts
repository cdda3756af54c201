/**
 * Issue 12: the family's overview of one case (/my-case/<case>): where it is (the stages), what
 * happens next, the key dates with the date engine's explanation, and the links to the family's
 * other pages. The case is found through caseScopeSql (the SQL twin of caseScope): another
 * family's case, or any id that is not theirs, is NotFoundError (404).
 *
 * R-80: only shared facts are read — no staff notes, no case notes, no STAFF timeline entries, no
 * meeting record beyond the fact that there is one, no contact details. Rule ids (R-xx) are for
 * staff: explanations are shown without them (lib/cases/rule-ids.ts).
 */
import "server-only";
import { Prisma, readRows } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
import { auditRead } from "@/lib/platform/audit/read";
import { partiesWhoseConsentIsRequired } from "@/lib/cases/lifecycle";
import { isDeadlineName, type CaseKind, type CaseStatus, type DeadlineName } from "@/lib/cases/lifecycle";
import { explainDeadline } from "@/lib/cases/deadlines/definitions";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import { familyStatus } from "@/lib/cases/family/family-status";
import { withoutRuleIds } from "@/lib/cases/rule-ids";
import { familyNextStep, familyStages, type OverviewFacts, type ResponsibleParty, type Stage } from "./stages";
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
  /** R-04: only section I is disputed, so no certificate is needed to appeal. */
  sectionIOnly: boolean;
  /** Whether anything was agreed (the short link to the agreement page says so). */
  hasAgreedActions: boolean;
  links: FamilyCaseLink[];
};

/** Dates as the page uses them: ISO days (to_char), so no time zone enters. */
const day = (col: Prisma.Sql) => Prisma.sql`to_char(${col}, 'YYYY-MM-DD')`;

type OverviewRow = {
  id: string;
  reference: string;
  kind: CaseKind;
  familyParty: "PARENT" | "YOUNG_PERSON";
  status: CaseStatus;
  mediatorAllocated: boolean;
  decisionSentOn: string | null;
  meetingOn: string | null;
  heldOn: string | null;
  agreement: "FULL" | "PARTIAL" | "NONE" | null;
  disputedDecisions: string[];
  localAuthorityName: string;
  childName: string | null;
  parties: { kind: Prisma.PartyGetPayload<{ select: { kind: true } }>["kind"]; consent: string }[];
  ownPartyKinds: string[];
  deadlines: { name: string; triggerOn: string; dueOn: string; closedOn: string | null; outcome: string | null }[];
  meetings: { status: string; startsAt: string }[];
  meetingRecorded: boolean;
  agreements: string[];
  certificateIssued: boolean;
  appealDeadlineOn: string | null;
  appealExplanation: string | null;
  obligations: { status: string; responsible: ResponsibleParty; dueOn: string }[];
  youMustSign: boolean;
};

/**
 * Issue 14 (decision 0033): everything the overview shows, in one hand-written statement (it was
 * twelve Prisma statements with the layout's). The case through `caseScopeSql` (the SQL twin of
 * caseScope, tests/integration/auth/scope.test.ts), so another family's case is no row (404).
 * The certificate and agreed actions are those of this case: certificateScope and obligationScope
 * are "the cases in the user's case scope" for a family user (who has "case:read"), which this case
 * is. The user's own signer (findOwnSigner + signerStates): the signer of the user's own party on
 * the newest version waiting for signatures, and whether their latest signature on its content is
 * not SIGNED. Shared facts only (R-80): no note, no STAFF entry, no contact detail is read.
 */
function overviewSql(user: SessionUser, caseId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT c."id", c."reference", c."kind"::text AS "kind", c."familyParty"::text AS "familyParty", c."status"::text AS "status",
      c."allocatedMediatorId" IS NOT NULL AS "mediatorAllocated",
      ${day(Prisma.sql`c."decisionSentOn"`)} AS "decisionSentOn", ${day(Prisma.sql`c."meetingOn"`)} AS "meetingOn", ${day(Prisma.sql`c."heldOn"`)} AS "heldOn",
      c."agreement"::text AS "agreement", c."disputedDecisions"::text[] AS "disputedDecisions",
      la."name" AS "localAuthorityName", ch."name" AS "childName",
      COALESCE((SELECT json_agg(json_build_object('kind', p."kind", 'consent', p."consent") ORDER BY p."createdAt")
                FROM "Party" p WHERE p."caseId" = c."id"), '[]'::json) AS "parties",
      COALESCE((SELECT json_agg(p."kind") FROM "Party" p WHERE p."caseId" = c."id" AND p."userId" = ${user.id}), '[]'::json) AS "ownPartyKinds",
      COALESCE((SELECT json_agg(json_build_object('name', d."name", 'triggerOn', ${day(Prisma.sql`d."triggerOn"`)}, 'dueOn', ${day(Prisma.sql`d."dueOn"`)},
                                                  'closedOn', ${day(Prisma.sql`d."closedOn"`)}, 'outcome', d."outcome") ORDER BY d."dueOn", d."createdAt")
                FROM "CaseDeadline" d WHERE d."caseId" = c."id"), '[]'::json) AS "deadlines",
      COALESCE((SELECT json_agg(json_build_object('status', m."status", 'startsAt', m."startsAt") ORDER BY m."startsAt")
                FROM "Meeting" m WHERE m."caseId" = c."id" AND m."kind" IN ('JOINT_MEETING', 'DRS_MEETING') AND m."status" IN ('SCHEDULED', 'HELD')), '[]'::json) AS "meetings",
      EXISTS (SELECT 1 FROM "MeetingRecord" r WHERE r."caseId" = c."id") AS "meetingRecorded",
      COALESCE((SELECT json_agg(a."status") FROM "CaseAgreement" a WHERE a."caseId" = c."id" AND a."status" IN ('AWAITING_SIGNATURES', 'SEALED')), '[]'::json) AS "agreements",
      cert."id" IS NOT NULL AS "certificateIssued", ${day(Prisma.sql`cert."appealDeadlineOn"`)} AS "appealDeadlineOn", cert."appealExplanation",
      COALESCE((SELECT json_agg(json_build_object('status', o."status", 'responsible', o."responsible", 'dueOn', ${day(Prisma.sql`o."dueOn"`)}) ORDER BY o."dueOn", o."position")
                FROM "Obligation" o WHERE o."caseId" = c."id"), '[]'::json) AS "obligations",
      signer."id" IS NOT NULL AND COALESCE((
        SELECT sg."outcome"::text FROM "AgreementSignature" sg WHERE sg."signerId" = signer."id" AND sg."contentSha256" = signer."contentSha256"
        ORDER BY sg."at" DESC, sg."id" DESC LIMIT 1), 'WAITING') <> 'SIGNED' AS "youMustSign"
    FROM "Case" c
    JOIN "LocalAuthority" la ON la."id" = c."localAuthorityId"
    LEFT JOIN "Child" ch ON ch."caseId" = c."id"
    LEFT JOIN LATERAL (
      SELECT ce."id", ce."appealDeadlineOn", ce."appealExplanation" FROM "Certificate" ce
      WHERE ce."caseId" = c."id" AND NOT EXISTS (SELECT 1 FROM "Certificate" later WHERE later."supersedesId" = ce."id")
      ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT 1) cert ON TRUE
    LEFT JOIN LATERAL (
      SELECT s."id", a."contentSha256" FROM "AgreementSigner" s
      JOIN "CaseAgreement" a ON a."id" = s."agreementId"
      JOIN "Party" p ON p."id" = s."partyId"
      WHERE s."caseId" = c."id" AND a."caseId" = c."id" AND a."status" = 'AWAITING_SIGNATURES' AND p."caseId" = c."id" AND p."userId" = ${user.id}
      ORDER BY a."version" DESC, s."position" ASC LIMIT 1) signer ON TRUE
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

export async function getFamilyOverview(user: SessionUser, caseId: string, now: Date = new Date()): Promise<FamilyOverview> {
  authorize(user, "family:workspace");
  // Issue 13: who viewed the case, and when (one row per user per case per READ_AUDIT_WINDOW_MINUTES).
  // Issue 14: written in the same round as the read, only if the case is in the user's scope (as the
  // read's own condition), so a case that is not theirs is a 404 with nothing written.
  const [[c]] = await Promise.all([
    // Through the pool (readRows, decision 0040): text, bool, text[], json; dates as to_char.
    readRows<OverviewRow>(overviewSql(user, caseId)),
    auditRead(user, { action: "case.viewed", entityType: "Case", entityId: caseId, caseId }, { whenCaseIn: caseScopeSql(user) }),
  ]);
  if (!c) throw new NotFoundError("case");
  const today = todayInLondon(now);
  const { deadlines, meetings, obligations } = c;

  const required = partiesWhoseConsentIsRequired(c);
  const scheduled = meetings.find((m) => m.status === "SCHEDULED");
  const meetingHeld = c.heldOn !== null || c.meetingRecorded || meetings.some((m) => m.status === "HELD");
  const openCertificate = deadlines.find((d) => d.closedOn === null && d.name in CERTIFICATE_DEADLINES);
  const clock = [...deadlines].reverse().find((d) => MEDIATION_CLOCKS.includes(d.name as DeadlineName) && !GONE.includes(d.outcome ?? ""));
  const open = obligations.filter((o) => o.status === "OPEN");

  const facts: OverviewFacts = {
    kind: c.kind,
    status: c.status,
    everyoneAgreed: required.length > 0 && required.every((p) => p.consent === "GIVEN"),
    mediatorAllocated: c.mediatorAllocated,
    meetingOn: meetingHeld ? null : scheduled ? todayInLondon(new Date(scheduled.startsAt)) : c.status === "MEETING_SCHEDULED" && c.meetingOn ? c.meetingOn : null,
    meetingHeld,
    agreement: c.agreement,
    agreementSealed: c.agreements.includes("SEALED"),
    agreementAwaitingSignatures: c.agreements.includes("AWAITING_SIGNATURES"),
    youMustSign: c.youMustSign,
    certificateIssued: c.certificateIssued,
    certificateDue: openCertificate ? { kind: CERTIFICATE_DEADLINES[openCertificate.name as keyof typeof CERTIFICATE_DEADLINES], dueOn: openCertificate.dueOn } : null,
    mediationBy: clock && clock.closedOn === null ? clock.dueOn : null,
    appealBy: c.appealDeadlineOn,
    obligations: { total: obligations.length, open: open.length, nextOpen: open[0] ? { responsible: open[0].responsible, dueOn: open[0].dueOn } : null },
    today,
  };

  const step = familyNextStep(facts);
  const keyDates: KeyDate[] = [];
  // R-20 (R-21 health only): the day the mediation must take place by.
  if (clock && c.kind !== "ADVICE_ONLY") keyDates.push(deadlineDate("MEDIATION_BY", clock));
  // R-30: a certificate due (not yet issued).
  if (openCertificate) keyDates.push(deadlineDate("CERTIFICATE_DUE", openCertificate));
  // R-50: once a certificate exists, the last day to appeal, as worked out when it was issued.
  if (c.certificateIssued) {
    keyDates.push({ id: "APPEAL_BY", label: KEY_DATE_LABELS.APPEAL_BY, on: c.appealDeadlineOn, explanation: withoutRuleIds(c.appealExplanation ?? "") });
  }

  const status = familyStatus({
    kind: c.kind,
    status: c.status,
    decisionSentOn: c.decisionSentOn,
    sectionIOnly: isSectionIOnly(c.disputedDecisions),
    certificates: deadlines
      .filter((d) => d.name in CERTIFICATE_DEADLINES)
      .map((d) => ({ name: d.name, dueOn: d.dueOn, closedOn: d.closedOn, outcome: d.outcome })),
  });

  return {
    id: c.id,
    reference: c.reference,
    childFirstName: firstName(c.childName),
    localAuthority: c.localAuthorityName,
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
    links: familyCaseLinks(c.id, { familyParty: c.familyParty, ownPartyKinds: c.ownPartyKinds }),
  };
}

function deadlineDate(id: KeyDateId, d: { name: string; triggerOn: string; dueOn: string }): KeyDate {
  const on = d.dueOn;
  let explanation: string | null = null;
  if (isDeadlineName(d.name)) {
    try {
      explanation = withoutRuleIds(explainDeadline(d.name, d.triggerOn).text);
    } catch (e) {
      // R-64: outside the years the holiday data covers the engine refuses to guess; the date stands.
      if (!isDeadlineInputError(e)) throw e;
    }
  }
  return { id, label: KEY_DATE_LABELS[id], on, explanation };
}
