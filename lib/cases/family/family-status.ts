/**
 * What the family is told about their case, in plain English (issue 8, item 14; issue 12: at a
 * reading age of 9 to 11, tests/unit/family/readability.test.ts): the sentence for
 * where the case is, changed by what has happened — a "could not be arranged" certificate,
 * the certificate issued with the appeal deadline it gives (R-50, explained by the date engine),
 * monitoring that the LA carries out what was agreed (R-40..R-42, R-72). Pure.
 */
import { appealDeadline, explainAppealDeadline, formatLongDate } from "@/lib/deadlines";
import { FAMILY_STATUS_TEXT, PRE_MEETING, type CaseKind, type CaseStatus } from "../lifecycle";

/** The certificate deadlines a family's status depends on: open (due) or met (issued). */
export type FamilyCertificate = { name: string; dueOn: string; closedOn: string | null; outcome: string | null };

export type FamilyStatusInput = {
  kind: CaseKind;
  status: CaseStatus;
  decisionSentOn: string | null;
  /** only section I is disputed, so no certificate is needed to appeal. */
  sectionIOnly: boolean;
  certificates: readonly FamilyCertificate[];
};

export type FamilyStatus = {
  text: string;
  /** Once a certificate is issued and the decision date is known: the last day to appeal. */
  appeal: { date: string; explanation: string } | null;
};

const ISSUED = ["MET", "MISSED"];

export function familyStatus(c: FamilyStatusInput): FamilyStatus {
  const issued = c.certificates.filter((d) => d.closedOn && d.outcome && ISSUED.includes(d.outcome)).sort((a, b) => (a.closedOn! < b.closedOn! ? 1 : -1))[0];
  const notArrangedDue = c.certificates.find((d) => d.name === "CERTIFICATE_NOT_ARRANGED" && d.closedOn === null);
  const appeal = issued && c.decisionSentOn ? appealOf(c.decisionSentOn, issued.closedOn!) : null;
  const appealSentence = appeal ? ` The Tribunal must get your appeal by ${formatLongDate(appeal.date)}.` : "";

  if (c.kind === "MEDIATION" && PRE_MEETING.includes(c.status)) {
    // mediation cannot take place within 30 days; the family may still mediate.
    if (issued?.name === "CERTIFICATE_NOT_ARRANGED") {
      return {
        text: `We could not set up mediation in time. So we sent you a certificate on ${formatLongDate(issued.closedOn!)}. You can use it to appeal.${appealSentence} You can still have mediation if you want to.`,
        appeal,
      };
    }
    if (notArrangedDue) {
      return {
        text: `We could not set up mediation in time. We will send you a certificate by ${formatLongDate(notArrangedDue.dueOn)}. You can use it to appeal if you want to. You can still have mediation.`,
        appeal: null,
      };
    }
  }
  if (c.status === "CERTIFICATE_ISSUED" && issued) {
    const noNeed = c.sectionIOnly ? " You only disagree about the school named in the plan. So you do not need it to appeal, but you can use it." : "";
    return { text: `We sent you your certificate on ${formatLongDate(issued.closedOn!)}. If you want to appeal, you can use it. It is up to you.${appealSentence}${noNeed}`, appeal };
  }
  if (c.status === "MONITORING") {
    return {
      text:
        c.kind === "DRS"
          ? "Everyone must now do what was agreed at the meeting, by the dates agreed. We are checking that it happens."
          : `The local authority must now do what was agreed, by the dates agreed. We check that it does.${appealSentence}`,
      appeal,
    };
  }
  return { text: FAMILY_STATUS_TEXT[c.status], appeal: c.status === "CLOSED" || c.status === "WITHDRAWN" ? appeal : null };
}

function appealOf(decisionSentOn: string, issuedOn: string): { date: string; explanation: string } | null {
  try {
    return { date: appealDeadline(decisionSentOn, issuedOn), explanation: explainAppealDeadline(decisionSentOn, issuedOn).text };
  } catch {
    // Outside the years the holiday data covers: say nothing rather than a wrong date.
    return null;
  }
}
