/**
 * Issue 12: an upload's bytes for download (/family-uploads/<id>), through
 * familySubmissionScope — an upload of another case, one not shared for a caseworker, and every
 * upload for an LA officer is simply not found (404), the same answer as an id that does not exist.
 */
import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { familySubmissionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { fileStore } from "@/lib/platform/files/store";
import { auditRead } from "@/lib/platform/audit/read";

export type FamilyUploadFile = { fileName: string; mime: string; bytes: Uint8Array; sha256: string };

export async function getFamilyUploadFile(user: SessionUser, uploadId: unknown): Promise<FamilyUploadFile> {
  authorize(user, "family-views:read");
  const id = z.string().trim().min(1).max(200).safeParse(uploadId);
  if (!id.success) throw new NotFoundError("upload");
  const row = await db().familyUpload.findFirst({
    where: { AND: [familySubmissionScope(user), { id: id.data }] },
    select: { fileName: true, mime: true, storageKey: true, sha256: true, caseId: true },
  });
  if (!row) throw new NotFoundError("upload");
  const bytes = await fileStore().get(row.storageKey);
  if (!bytes) {
    console.error(`[family-views] the file of upload ${id.data} is missing from the file store`);
    throw new NotFoundError("upload");
  }
  // Issue 13: who downloaded which upload, and when (one row per user per upload per READ_AUDIT_WINDOW_MINUTES).
  await auditRead(user, { action: "family_upload.downloaded", entityType: "FamilyUpload", entityId: id.data, caseId: row.caseId });
  return { fileName: row.fileName, mime: row.mime, bytes, sha256: row.sha256 };
}
