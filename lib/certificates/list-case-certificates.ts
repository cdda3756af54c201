/**
 * A case's certificates for its page (R-30, R-31): those issued (newest first, the superseded ones
 * marked with what replaced them), the one still due, and whether none is needed (R-04). Shared
 * facts (R-80): whoever may see the case sees them. A case outside the scope is NotFoundError (404).
 */
import "server-only";
import { Prisma } from "@/lib/platform/db";
import { readOne, rowRead, type RowRead } from "@/lib/platform/db/row-reads";
import { isoDaySql } from "@/lib/platform/db/sql-values";
import { authorize, can } from "@/lib/auth/policy";
import { caseScopeSql, certificateScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isSectionIOnly } from "@/lib/cases/about/rules";
import { DEADLINES } from "@/lib/cases/deadlines/definitions";
import { isDeadlineName, type CaseKind, type CaseStatus } from "@/lib/cases/lifecycle";
import { CERTIFICATE_KIND_LABELS, type CertificateKind } from "./certificate-content";

const CERTIFICATE_DEADLINES = ["CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"];

/** A certificate as read for its view: its days as ISO dates ("2026-01-05"). */
type Row = {
  id: string;
  kind: CertificateKind;
  issuedOn: string;
  issuerName: string;
  dueOn: string;
  appealDeadlineOn: string | null;
  appealExplanation: string;
  documentId: string;
  correctionReason: string | null;
  supersedesId: string | null;
  supersededBy: { id: string; issuedOn: string } | null;
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
  /** R-30: issued after its due date (3 working days). */
  late: boolean;
  appealDeadlineOn: string | null;
  appealExplanation: string;
  /** The download address of its PDF (app/documents/[id]). */
  href: string;
  fileName: string;
  /** R-31: the certificate that replaces it, if any. */
  supersededBy: { id: string; issuedOn: string } | null;
  corrects: boolean;
  /** Staff text (R-31): shown to staff only. */
  correctionReason: string | null;
};

export function toCertificateView(r: Row, opts: { staff: boolean }): CertificateView {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: CERTIFICATE_KIND_LABELS[r.kind],
    version: r.document.version,
    issuedOn: r.issuedOn,
    issuerName: r.issuerName,
    dueOn: r.dueOn,
    late: r.issuedOn > r.dueOn,
    appealDeadlineOn: r.appealDeadlineOn,
    appealExplanation: r.appealExplanation,
    href: `/documents/${encodeURIComponent(r.documentId)}`,
    fileName: r.document.fileName,
    supersededBy: r.supersededBy,
    corrects: r.supersedesId !== null,
    correctionReason: opts.staff ? r.correctionReason : null,
  };
}

export type CaseCertificates = {
  /** Newest first; the current one is the first not superseded. */
  issued: CertificateView[];
  /** A certificate deadline still running (R-30): the kind due and by when. */
  due: { name: string; label: string; dueOn: string } | null;
  /** R-04: only section I is disputed — no certificate is needed to appeal. */
  sectionIOnly: boolean;
  /** DRS never gives a certificate (R-71). */
  applies: boolean;
  /** Whether this user may correct a certificate (R-31). */
  canCorrect: boolean;
};

type CaseRow = { kind: CaseKind; status: CaseStatus; disputedDecisions: string[]; due: { name: string; dueOn: string } | null; certificates: Row[] };

/**
 * Issue 14 (decision 0033): one hand-written statement through the pool (readRows, decision 0040:
 * text, text[], json) — the case through caseScopeSql (the SQL twin of caseScope; a case outside
 * the scope is no row, 404), its earliest open certificate deadline, and its certificates through
 * certificateScopeSql (the twin of certificateScope), newest first, each with the one that
 * replaced it (R-31) and its document's version and file name. It was a case read, then the
 * certificates with their relations, through Prisma: about 3 ms a call in Node.
 */
function certificatesSql(user: SessionUser, caseId: string): Prisma.Sql {
  const deadlines = Prisma.join(CERTIFICATE_DEADLINES);
  return Prisma.sql`
    SELECT c."kind"::text AS "kind", c."status"::text AS "status", c."disputedDecisions"::text[] AS "disputedDecisions",
      (SELECT json_build_object('name', d."name", 'dueOn', ${isoDaySql(Prisma.sql`d."dueOn"`)})
        FROM "CaseDeadline" d WHERE d."caseId" = c."id" AND d."closedOn" IS NULL AND d."name" IN (${deadlines})
        ORDER BY d."dueOn" LIMIT 1) AS "due",
      COALESCE((SELECT json_agg(json_build_object('id', ct."id", 'kind', ct."kind", 'issuedOn', ${isoDaySql(Prisma.sql`ct."issuedOn"`)}, 'issuerName', ct."issuerName",
          'dueOn', ${isoDaySql(Prisma.sql`ct."dueOn"`)}, 'appealDeadlineOn', ${isoDaySql(Prisma.sql`ct."appealDeadlineOn"`)}, 'appealExplanation', ct."appealExplanation",
          'documentId', ct."documentId", 'correctionReason', ct."correctionReason", 'supersedesId', ct."supersedesId",
          'supersededBy', CASE WHEN sb."id" IS NULL THEN NULL ELSE json_build_object('id', sb."id", 'issuedOn', ${isoDaySql(Prisma.sql`sb."issuedOn"`)}) END,
          'document', json_build_object('version', doc."version", 'fileName', doc."fileName"))
          ORDER BY ct."createdAt" DESC, ct."id" DESC)
        FROM "Certificate" ct
        JOIN "Document" doc ON doc."id" = ct."documentId"
        LEFT JOIN "Certificate" sb ON sb."supersedesId" = ct."id"
        WHERE ct."caseId" = c."id" AND ${certificateScopeSql(user)}), '[]'::json) AS "certificates"
    FROM "Case" c
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

/** The read (decision 0042): alone in listCaseCertificates, or with the case page's other sections. */
export function caseCertificatesRead(user: SessionUser, caseId: string): RowRead<CaseCertificates> {
  authorize(user, "case:read");
  const staff = can(user, "certificate:correct");
  return rowRead<CaseRow, CaseCertificates>(certificatesSql(user, caseId), (c) => {
    if (!c) throw new NotFoundError("case");
    return shape(c, staff);
  });
}

export async function listCaseCertificates(user: SessionUser, caseId: string): Promise<CaseCertificates> {
  return readOne(caseCertificatesRead(user, caseId));
}

function shape(c: CaseRow, staff: boolean): CaseCertificates {
  const due = c.due;
  return {
    issued: c.certificates.map((r) => toCertificateView(r, { staff })),
    due: due ? { name: due.name, label: isDeadlineName(due.name) ? DEADLINES[due.name].label : "Certificate due by", dueOn: due.dueOn } : null,
    sectionIOnly: c.kind !== "DRS" && isSectionIOnly(c.disputedDecisions),
    applies: c.kind !== "DRS",
    canCorrect: staff && c.status !== "CLOSED" && c.status !== "NOT_PROCEEDING",
  };
}
