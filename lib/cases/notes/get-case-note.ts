/**
 * One note, for the page that confirms marking it as a safeguarding concern: only the
 * allocated mediator (who may mark it) gets it; everyone else a 404.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow } from "../store";
import { findNoteOrThrow } from "./find-note";
import { NOTE_SELECT, toNoteViews, type NoteView } from "./list-case-notes";

export async function getCaseNote(user: SessionUser, caseId: string, noteId: string): Promise<{ case: { id: string; reference: string }; note: NoteView }> {
  authorize(user, "case:write-notes");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true });
  const row = await findNoteOrThrow(user, c.id, noteId, NOTE_SELECT);
  const [note] = await toNoteViews([row], true);
  return { case: c, note: note! };
}
