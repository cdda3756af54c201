/**
 * The correction page's facts about one certificate: staff only, 404 outside the scope.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { certificateScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { CERTIFICATE_KIND_LABELS } from "./certificate-content";

export async function getCertificateForCorrection(user: SessionUser, certificateId: string) {
  authorize(user, "certificate:correct");
  const c = await db().certificate.findFirst({
    where: { AND: [{ id: certificateId }, certificateScope(user)] },
    select: { id: true, caseId: true, kind: true, issuedOn: true, issuerName: true, appealDeadlineOn: true, documentId: true, supersededBy: { select: { id: true } }, case: { select: { reference: true, status: true } } },
  });
  if (!c) throw new NotFoundError("certificate");
  return {
    id: c.id,
    caseId: c.caseId,
    caseReference: c.case.reference,
    caseClosed: c.case.status === "CLOSED" || c.case.status === "NOT_PROCEEDING",
    kindLabel: CERTIFICATE_KIND_LABELS[c.kind],
    issuedOn: isoFromDbDate(c.issuedOn),
    issuerName: c.issuerName,
    appealDeadlineOn: c.appealDeadlineOn ? isoFromDbDate(c.appealDeadlineOn) : null,
    href: `/documents/${encodeURIComponent(c.documentId)}`,
    replaced: c.supersededBy !== null,
  };
}
