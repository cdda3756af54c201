/**
 * Issue 12: the family removes a document they uploaded, after confirming — only while it is not
 * shared with the case team (once shared, others may have read it: ask the mediator instead). The
 * row goes with its audit row in one transaction; the stored file after the commit, so a failed
 * transaction never loses the file of a row that is still there.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { familySubmissionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { fileStore } from "@/lib/platform/files/store";
import { caseIdSchema } from "@/lib/cases/store";

export const removeFamilyUploadSchema = z.object({ caseId: caseIdSchema, uploadId: z.string().trim().min(1).max(200) });

export const SHARED_CANNOT_BE_REMOVED = "This document has been shared with the case team, so it cannot be removed here. Contact your mediator if it should not be used.";

export async function removeFamilyUpload(user: SessionUser, input: z.input<typeof removeFamilyUploadSchema>, ip: string | null = null): Promise<{ fileName: string }> {
  authorize(user, "family-views:send");
  const v = parseInput(removeFamilyUploadSchema, input);
  const removed = await transaction(async (tx) => {
    const row = await tx.familyUpload.findFirst({
      where: { AND: [familySubmissionScope(user), { id: v.uploadId, caseId: v.caseId }] },
      select: { id: true, fileName: true, sharedAt: true, storageKey: true, sha256: true, size: true, mime: true },
    });
    if (!row) throw new NotFoundError("upload");
    if (row.sharedAt) throw new DomainError(SHARED_CANNOT_BE_REMOVED, "SHARED");
    await tx.familyUpload.delete({ where: { id: row.id } });
    await writeAudit(tx, {
      actor: user,
      action: "family_upload.removed",
      entityType: "FamilyUpload",
      entityId: row.id,
      caseId: v.caseId,
      before: { mime: row.mime, size: row.size, sha256: row.sha256 },
      ip,
    });
    return row;
  });
  await fileStore()
    .delete(removed.storageKey)
    .catch((e) => console.error("[family-views] a removed upload's file could not be deleted", e));
  return { fileName: removed.fileName };
}
