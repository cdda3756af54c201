/**
 * Issue 12: the family shares something they sent — their written views or an upload —
 * with the mediation service's case team (caseworkers), which until then only the allocated
 * mediator sees. A deliberate, audited act by the family; it cannot be undone here (the case team
 * may already have read it). Never the LA: sharing does not reach them (familySubmissionScope).
 * Sharing again what is already shared changes nothing and writes nothing.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { familySubmissionScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { caseIdSchema } from "@/lib/cases/store";

export const shareFamilyItemSchema = z.object({
  caseId: caseIdSchema,
  kind: z.enum(["views", "upload"]),
  id: z.string().trim().min(1).max(200),
});

export async function shareFamilyItem(user: SessionUser, input: z.input<typeof shareFamilyItemSchema>, ip: string | null = null, now = new Date()): Promise<{ changed: boolean }> {
  authorize(user, "family-views:send");
  const v = parseInput(shareFamilyItemSchema, input);
  const where = { AND: [familySubmissionScope(user), { id: v.id, caseId: v.caseId }] };
  return transaction(async (tx) => {
    const row = v.kind === "views" ? await tx.familySubmission.findFirst({ where, select: { id: true, sharedAt: true } }) : await tx.familyUpload.findFirst({ where, select: { id: true, sharedAt: true } });
    if (!row) throw new NotFoundError(v.kind);
    if (row.sharedAt) return { changed: false };
    if (v.kind === "views") await tx.familySubmission.update({ where: { id: row.id }, data: { sharedAt: now } });
    else await tx.familyUpload.update({ where: { id: row.id }, data: { sharedAt: now } });
    await writeAudit(tx, {
      actor: user,
      action: v.kind === "views" ? "family_views.shared" : "family_upload.shared",
      entityType: v.kind === "views" ? "FamilySubmission" : "FamilyUpload",
      entityId: row.id,
      caseId: v.caseId,
      before: { shared: false },
      after: { shared: true },
      ip,
    });
    return { changed: true };
  });
}
