"use server";
/**
 * Case notes from the case page (issue 10, R-80, R-81): add a note, share it with the case team or
 * stop sharing it, mark it as a safeguarding concern (after its confirmation page). The allocated
 * mediator only (`case:write-notes`; anyone else: 404). Each is one lib command, audited.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { addCaseNote } from "@/lib/cases/notes/add-case-note";
import { shareCaseNote } from "@/lib/cases/notes/share-case-note";
import { markSafeguardingConcern } from "@/lib/cases/notes/mark-safeguarding-concern";

const notesUrl = (caseId: string, done: string) => `/cases/${encodeURIComponent(caseId)}?done=${done}#notes`;

export async function addNoteAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:write-notes",
    run: async (v, { user, ip }) => {
      const r = await addCaseNote(user, { caseId: v.caseId ?? "", kind: v.kind ?? "", partyId: v.partyId ?? "", body: v.body ?? "" }, ip);
      redirect(notesUrl(r.caseId, "noteAdded"));
    },
  });
}

export async function shareNoteAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:write-notes",
    run: async (v, { user, ip }) => {
      const share = v.share === "yes";
      const r = await shareCaseNote(user, { caseId: v.caseId ?? "", noteId: v.noteId ?? "", share }, ip);
      redirect(notesUrl(r.caseId, share ? "noteShared" : "noteUnshared"));
    },
  });
}

export async function markSafeguardingAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:write-notes",
    run: async (v, { user, ip }) => {
      const r = await markSafeguardingConcern(user, { caseId: v.caseId ?? "", noteId: v.noteId ?? "", confirmed: v.confirmed === "yes" }, ip);
      redirect(notesUrl(r.caseId, "noteSafeguarding"));
    },
  });
}
