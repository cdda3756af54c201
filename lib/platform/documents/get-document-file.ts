/**
 * A stored PDF for download (/documents/[id]), through the scope: a document of a case the user
 * may not see, or a STAFF document for the family or an LA officer, is simply not found
 * (NotFoundError → 404), the same answer as for an id that does not exist.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { documentScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { auditRead } from "@/lib/platform/audit/read";

export const documentIdSchema = z.string().trim().min(1).max(200);

export type DocumentFile = { fileName: string; bytes: Uint8Array; sha256: string };

export async function getDocumentFile(user: SessionUser, documentId: unknown): Promise<DocumentFile> {
  authorize(user, "document:read");
  const id = documentIdSchema.safeParse(documentId);
  if (!id.success) throw new NotFoundError("document");
  const row = await db().document.findFirst({
    where: { AND: [{ id: id.data }, documentScope(user)] },
    select: { fileName: true, pdf: true, pdfSha256: true, caseId: true },
  });
  if (!row) throw new NotFoundError("document");
  // Issue 13 (decision 0028): a purged case's documents keep their row and hashes, not their bytes.
  if (row.pdf.length === 0) throw new NotFoundError("document");
  // Issue 13: who downloaded which document, and when (one row per user per document per READ_AUDIT_WINDOW_MINUTES).
  await auditRead(user, { action: "document.downloaded", entityType: "Document", entityId: id.data, caseId: row.caseId });
  return { fileName: row.fileName, bytes: new Uint8Array(row.pdf), sha256: row.pdfSha256 };
}
