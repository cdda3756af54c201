/**
 * The family user's own cases (usually one), for /my-case, with what they are told about each in
 * plain English (../family/family-status.ts). Only shared facts are read.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { isSectionIOnly } from "../about/rules";
import { familyStatus, type FamilyStatus } from "../family/family-status";
import type { CaseStatus } from "../lifecycle";
import { firstName } from "@/lib/family/home/wording";
import { CERTIFICATE_KIND_LABELS, type CertificateKind } from "@/lib/certificates/certificate-content";

const CERTIFICATE_DEADLINES = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];

/** Issue 11: the certificate in force (not superseded, R-31): its date of issue and the last day to appeal. */
export type MyCertificate = { kindLabel: string; issuedOn: string; appealDeadlineOn: string | null; appealExplanation: string; href: string };

export type MyCase = {
  id: string;
  reference: string;
  /** Issue 12: the child's first name, for the family's case chooser. */
  childFirstName: string | null;
  status: CaseStatus;
  localAuthority: { name: string };
  family: FamilyStatus;
  certificate: MyCertificate | null;
  sectionIOnly: boolean;
};

export async function listMyCases(user: SessionUser): Promise<MyCase[]> {
  authorize(user, "family:workspace");
  const rows = await db().case.findMany({
    where: caseScope(user),
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      reference: true,
      kind: true,
      status: true,
      decisionSentOn: true,
      disputedDecisions: true,
      localAuthority: { select: { name: true } },
      child: { select: { name: true } },
      deadlines: { where: { name: { in: CERTIFICATE_DEADLINES } }, select: { name: true, dueOn: true, closedOn: true, outcome: true } },
      certificates: {
        where: { supersededBy: { is: null } },
        orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { kind: true, issuedOn: true, appealDeadlineOn: true, appealExplanation: true, documentId: true },
      },
    },
  });
  return rows.map((c) => ({
    certificate: c.certificates[0] ? myCertificate(c.certificates[0]) : null,
    sectionIOnly: c.kind !== "DRS" && isSectionIOnly(c.disputedDecisions),
    id: c.id,
    reference: c.reference,
    childFirstName: firstName(c.child?.name),
    status: c.status,
    localAuthority: c.localAuthority,
    family: familyStatus({
      kind: c.kind,
      status: c.status,
      decisionSentOn: c.decisionSentOn ? isoFromDbDate(c.decisionSentOn) : null,
      sectionIOnly: isSectionIOnly(c.disputedDecisions),
      certificates: c.deadlines.map((d) => ({ name: d.name, dueOn: isoFromDbDate(d.dueOn), closedOn: d.closedOn ? isoFromDbDate(d.closedOn) : null, outcome: d.outcome })),
    }),
  }));
}

function myCertificate(c: { kind: CertificateKind; issuedOn: Date; appealDeadlineOn: Date | null; appealExplanation: string; documentId: string }): MyCertificate {
  return {
    kindLabel: CERTIFICATE_KIND_LABELS[c.kind],
    issuedOn: isoFromDbDate(c.issuedOn),
    appealDeadlineOn: c.appealDeadlineOn ? isoFromDbDate(c.appealDeadlineOn) : null,
    appealExplanation: c.appealExplanation,
    href: `/documents/${encodeURIComponent(c.documentId)}`,
  };
}
