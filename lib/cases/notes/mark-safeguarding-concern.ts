/**
 * the allocated mediator marks a note as a serious safeguarding (child protection) concern
 * (issue 10). A deliberate act: the command needs `confirmed` (the confirmation page's button), and
 * it is audited. From then on the note — that note only, never the rest — is read by the
 * provider's safeguarding leads (`case:read-safeguarding`, lib/auth/policy.ts). It cannot be
 * undone: a concern once raised stays on record. Marking it again changes nothing.
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

export const markSafeguardingConcernSchema = z.object({
  caseId: caseIdSchema,
  noteId: z.string().trim().min(1).max(200),
  confirmed: z.boolean().refine((v) => v, "Confirm that this note records a safeguarding concern"),
});

export async function markSafeguardingConcern(
  user: SessionUser,
  input: z.input<typeof markSafeguardingConcernSchema>,
  ip: string | null = null,
  now = new Date(),
): Promise<{ caseId: string; noteId: string; changed: boolean }> {
  const v = parseInput(markSafeguardingConcernSchema, input);
  authorize(user, "case:write-notes");
  return transaction(async (tx) => {
    const note = await findNoteOrThrow(user, v.caseId, v.noteId, { id: true, kind: true, safeguardingAt: true }, tx);
    if (note.safeguardingAt) return { caseId: v.caseId, noteId: note.id, changed: false };
    await tx.caseNote.update({ where: { id: note.id }, data: { safeguardingAt: now, safeguardingById: user.id } });
    await writeAudit(tx, {
      actor: user,
      action: "note.marked_safeguarding",
      entityType: "CaseNote",
      entityId: note.id,
      caseId: v.caseId,
      before: { safeguarding: false },
      after: { safeguarding: true, kind: note.kind },
      ip,
    });
    return { caseId: v.caseId, noteId: note.id, changed: true };
  });
}
