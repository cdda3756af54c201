/**
 * The documents of a case that this user may see (R-80: STAFF ones for the mediation service
 * only), newest first, without their bytes — for the case page, the family's page and the LA's
 * view (issue 11). A case outside the user's scope is NotFoundError (404).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { documentScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "@/lib/cases/store";
import { DOCUMENT_KIND_LABELS, type DocumentKind, type DocumentVisibility } from "./kinds";

export type CaseDocument = {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  title: string;
  version: number;
  visibility: DocumentVisibility;
  issuedAt: Date;
  fileName: string;
  pdfSize: number;
  /** The newer version that replaces this one, if any. */
  supersededById: string | null;
  /** The download address (app/documents/[id]/route.ts). */
  href: string;
};

export async function listCaseDocuments(user: SessionUser, caseId: string): Promise<CaseDocument[]> {
  authorize(user, "document:read");
  await findCaseOrThrow(user, caseId, { id: true });
  const rows = await db().document.findMany({
    where: { AND: [{ caseId }, documentScope(user)] },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { id: true, kind: true, title: true, version: true, visibility: true, createdAt: true, fileName: true, pdfSize: true, supersededBy: { select: { id: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: DOCUMENT_KIND_LABELS[r.kind],
    title: r.title,
    version: r.version,
    visibility: r.visibility,
    issuedAt: r.createdAt,
    fileName: r.fileName,
    pdfSize: r.pdfSize,
    supersededById: r.supersededBy?.id ?? null,
    href: `/documents/${encodeURIComponent(r.id)}`,
  }));
}
