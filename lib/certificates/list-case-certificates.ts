/**
 * A case's certificates for its page: those issued (newest first, the superseded ones
 * marked with what replaced them), the one still due, and whether none is needed. Shared
 * facts: whoever may see the case sees them. A case outside the scope is NotFoundError (404).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { certificateScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import { DEADLINES } from "@/lib/cases/deadlines/definitions";
import { isDeadlineName } from "@/lib/cases/lifecycle";
import { CERTIFICATE_KIND_LABELS, type CertificateKind } from "./certificate-content";

const CERTIFICATE_DEADLINES = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];

export const CERTIFICATE_SELECT = {
  id: true,
  kind: true,
  issuedOn: true,
  issuerName: true,
  triggerOn: true,
  dueOn: true,
  appealDeadlineOn: true,
  appealExplanation: true,
  documentId: true,
  correctionReason: true,
  supersedesId: true,
  supersededBy: { select: { id: true, issuedOn: true } },
  document: { select: { version: true, fileName: true } },
} as const;

type Row = {
  id: string;
  kind: CertificateKind;
  issuedOn: Date;
  issuerName: string;
  triggerOn: Date;
  dueOn: Date;
  appealDeadlineOn: Date | null;
  appealExplanation: string;
  documentId: string;
  correctionReason: string | null;
  supersedesId: string | null;
  supersededBy: { id: string; issuedOn: Date } | null;
  document: { version: number; fileName: string };
};

export type CertificateView = {
  id: string;
  kind: CertificateKind;
  kindLabel: string;
  version: number;
  issuedOn: string;
  issuerName: string;
  dueOn: string;
  /** issued after its due date (3 working days). */
  late: boolean;
  appealDeadlineOn: string | null;
  appealExplanation: string;
  /** The download address of its PDF (app/documents/[id]). */
  href: string;
  fileName: string;
  /** the certificate that replaces it, if any. */
  supersededBy: { id: string; issuedOn: string } | null;
  corrects: boolean;
  /** Staff text: shown to staff only. */
  correctionReason: string | null;
};

export function toCertificateView(r: Row, opts: { staff: boolean }): CertificateView {
  const issuedOn = isoFromDbDate(r.issuedOn);
  const dueOn = isoFromDbDate(r.dueOn);
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: CERTIFICATE_KIND_LABELS[r.kind],
    version: r.document.version,
    issuedOn,
    issuerName: r.issuerName,
    dueOn,
    late: issuedOn > dueOn,
    appealDeadlineOn: r.appealDeadlineOn ? isoFromDbDate(r.appealDeadlineOn) : null,
    appealExplanation: r.appealExplanation,
    href: `/documents/${encodeURIComponent(r.documentId)}`,
    fileName: r.document.fileName,
    supersededBy: r.supersededBy ? { id: r.supersededBy.id, issuedOn: isoFromDbDate(r.supersededBy.issuedOn) } : null,
    corrects: r.supersedesId !== null,
    correctionReason: opts.staff ? r.correctionReason : null,
  };
}

export type CaseCertificates = {
  /** Newest first; the current one is the first not superseded. */
  issued: CertificateView[];
  /** A certificate deadline still running: the kind due and by when. */
  due: { name: string; label: string; dueOn: string } | null;
  /** only section I is disputed — no certificate is needed to appeal. */
  sectionIOnly: boolean;
  /** DRS never gives a certificate. */
  applies: boolean;
  /** Whether this user may correct a certificate. */
  canCorrect: boolean;
};

export async function listCaseCertificates(user: SessionUser, caseId: string): Promise<CaseCertificates> {
  authorize(user, "case:read");
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    kind: true,
    status: true,
    disputedDecisions: true,
    deadlines: { where: { closedOn: null, name: { in: CERTIFICATE_DEADLINES } }, select: { name: true, dueOn: true }, orderBy: { dueOn: "asc" }, take: 1 },
  });
  const rows = await db().certificate.findMany({
    where: { AND: [{ caseId }, certificateScope(user)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: CERTIFICATE_SELECT,
  });
  const staff = can(user, "certificate:correct");
  const due = c.deadlines[0];
  return {
    issued: rows.map((r) => toCertificateView(r, { staff })),
    due: due ? { name: due.name, label: isDeadlineName(due.name) ? DEADLINES[due.name].label : "Certificate due by", dueOn: isoFromDbDate(due.dueOn) } : null,
    sectionIOnly: c.kind !== "DRS" && isSectionIOnly(c.disputedDecisions),
    applies: c.kind !== "DRS",
    canCorrect: staff && c.status !== "CLOSED" && c.status !== "NOT_PROCEEDING",
  };
}
