/**
 * The allocated mediator shares a note with the case team, or stops sharing it (issue 10, R-80):
 * a deliberate act, audited. A shared note is read by caseworkers and admins; never by the LA or
 * the family. Sharing again what is already shared changes nothing and writes nothing.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { caseIdSchema } from "../store";
import { findNoteOrThrow } from "./find-note";

export const shareCaseNoteSchema = z.object({
  caseId: caseIdSchema,
  noteId: z.string().trim().min(1).max(200),
  share: z.boolean(),
});

export async function shareCaseNote(user: SessionUser, input: z.input<typeof shareCaseNoteSchema>, ip: string | null = null, now = new Date()): Promise<{ caseId: string; noteId: string; changed: boolean }> {
  const v = parseInput(shareCaseNoteSchema, input);
  authorize(user, "case:write-notes");
  return transaction(async (tx) => {
    const note = await findNoteOrThrow(user, v.caseId, v.noteId, { id: true, sharedAt: true }, tx);
    if (!!note.sharedAt === v.share) return { caseId: v.caseId, noteId: note.id, changed: false };
    await tx.caseNote.update({ where: { id: note.id }, data: v.share ? { sharedAt: now, sharedById: user.id } : { sharedAt: null, sharedById: null } });
    await writeAudit(tx, {
      actor: user,
      action: v.share ? "note.shared" : "note.unshared",
      entityType: "CaseNote",
      entityId: note.id,
      caseId: v.caseId,
      before: { shared: !v.share },
      after: { shared: v.share },
      ip,
    });
    return { caseId: v.caseId, noteId: note.id, changed: true };
  });
}
