/**
 * The allocated mediator writes a case note (issue 10): notes from a pre-meeting with one party,
 * or a private note. R-80: it is behind the confidentiality wall from the start — the allocated
 * mediator reads it, caseworkers only once it is shared (./share-case-note.ts), safeguarding leads
 * only once it is marked as a concern (./mark-safeguarding-concern.ts), the LA and the family never
 * (lib/auth/scope.ts caseNoteScope). Notes do not change the case, so its version is not checked.
 * Audited without the note's text.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { choice, requiredText, tooLong } from "../fields";
import { caseIdSchema, findCaseOrThrow } from "../store";
import { MAX_NOTE_LENGTH, NOTE_KIND_VALUES } from "./note-options";

export const addCaseNoteSchema = z.object({
  caseId: caseIdSchema,
  kind: choice(NOTE_KIND_VALUES, "Choose what kind of note this is"),
  partyId: z.preprocess((v) => v ?? "", z.string().trim().max(200)),
  body: requiredText(MAX_NOTE_LENGTH, "Write the note", tooLong("The note", MAX_NOTE_LENGTH)),
});
export type AddCaseNoteInput = z.input<typeof addCaseNoteSchema>;

export async function addCaseNote(user: SessionUser, input: AddCaseNoteInput, ip: string | null = null): Promise<{ caseId: string; noteId: string }> {
  const v = parseInput(addCaseNoteSchema, input, { order: ["kind", "partyId", "body"] });
  // Only a mediator writes notes, and only on a case allocated to them (the case scope).
  authorize(user, "case:write-notes");
  return transaction(async (tx) => {
    const c = await findCaseOrThrow(user, v.caseId, { id: true, parties: { select: { id: true } } }, tx);
    const pre = v.kind === "PRE_MEETING";
    if (pre && !c.parties.some((p) => p.id === v.partyId)) fieldError("partyId", "Choose the party the pre-meeting was with");
    const note = await tx.caseNote.create({
      data: { caseId: c.id, kind: v.kind as "PRE_MEETING" | "MEDIATOR_PRIVATE", partyId: pre ? v.partyId : null, body: v.body, authorId: user.id },
      select: { id: true },
    });
    await writeAudit(tx, { actor: user, action: "note.added", entityType: "CaseNote", entityId: note.id, caseId: c.id, after: { kind: v.kind, partyId: pre ? v.partyId : null }, ip });
    return { caseId: c.id, noteId: note.id };
  });
}
