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

const CERTIFICATE_DEADLINES = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];

export type MyCase = { id: string; reference: string; status: CaseStatus; localAuthority: { name: string }; family: FamilyStatus };

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
      deadlines: { where: { name: { in: CERTIFICATE_DEADLINES } }, select: { name: true, dueOn: true, closedOn: true, outcome: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    reference: c.reference,
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
