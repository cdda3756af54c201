/**
 * The certificates in force on the cases a user may see: for the LA officer's home,
 * each current (not superseded, R-31) certificate with its date of issue and the last day to
 * appeal, newest first. Shared facts only; certificateScope keeps an LA officer to their
 * own LA's cases.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { certificateScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { CERTIFICATE_KIND_LABELS, type CertificateKind } from "./certificate-content";

/** How many the home page lists (the case pages hold the rest). */
export const ISSUED_CERTIFICATES_SHOWN = 20;

export type IssuedCertificate = {
  id: string;
  caseId: string;
  caseReference: string;
  kind: CertificateKind;
  kindLabel: string;
  issuedOn: string;
  appealDeadlineOn: string | null;
  href: string;
};

export async function listIssuedCertificates(user: SessionUser, limit = ISSUED_CERTIFICATES_SHOWN): Promise<IssuedCertificate[]> {
  authorize(user, "case:read");
  const rows = await db().certificate.findMany({
    where: { AND: [certificateScope(user), { supersededBy: { is: null } }] },
    orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
    take: Math.min(Math.max(1, limit), 100),
    select: { id: true, caseId: true, kind: true, issuedOn: true, appealDeadlineOn: true, documentId: true, case: { select: { reference: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    caseReference: r.case.reference,
    kind: r.kind,
    kindLabel: CERTIFICATE_KIND_LABELS[r.kind],
    issuedOn: isoFromDbDate(r.issuedOn),
    appealDeadlineOn: r.appealDeadlineOn ? isoFromDbDate(r.appealDeadlineOn) : null,
    href: `/documents/${encodeURIComponent(r.documentId)}`,
  }));
}
