/**
 * For a safeguarding lead: every note marked as a safeguarding concern, newest first, with
 * its case — those notes only, never the rest of a case's notes. Through caseNoteScope: anyone
 * else gets a 404.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseNoteScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { NOTE_SELECT, toNoteViews, type NoteView } from "./list-case-notes";

/** The newest concerns shown. */
export const SAFEGUARDING_LIST_LIMIT = 200;

export async function listSafeguardingConcerns(user: SessionUser): Promise<{ case: { id: string; reference: string }; note: NoteView }[]> {
  authorize(user, "case:read-safeguarding");
  const rows = await db().caseNote.findMany({
    where: { AND: [caseNoteScope(user), { safeguardingAt: { not: null } }] },
    orderBy: [{ safeguardingAt: "desc" }, { id: "desc" }],
    take: SAFEGUARDING_LIST_LIMIT,
    select: { ...NOTE_SELECT, case: { select: { id: true, reference: true } } },
  });
  const views = await toNoteViews(rows, false);
  return rows.map((r, i) => ({ case: r.case, note: views[i]! }));
}
