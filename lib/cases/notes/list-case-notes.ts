/**
 * The notes section of the case page (issue 10, R-80, R-81): the notes this user may read, newest
 * first, read only through caseNoteScope (lib/auth/scope.ts) — the allocated mediator all of them;
 * caseworkers and admins those shared with the case team, and a safeguarding lead those marked as
 * a concern; the LA officer and the family never (their request is a 404, like a page their role
 * may not see). Says what the user may do with each: share, stop sharing, mark as a concern.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize, can } from "@/lib/auth/policy";
import { caseNoteScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { describeParty } from "../options";
import { findCaseOrThrow } from "../store";
import { NOTE_KIND_LABELS, type NoteKindValue } from "./note-options";

export type NoteView = {
  id: string;
  kind: NoteKindValue;
  kindLabel: string;
  /** PRE_MEETING: "Jane Smith (parent or carer)". */
  party: string | null;
  /** Written with the meeting record as its private notes. */
  fromMeetingRecord: boolean;
  body: string;
  authorName: string | null;
  createdAt: string;
  shared: { at: string; byName: string | null } | null;
  safeguarding: { at: string; byName: string | null } | null;
  can: { share: boolean; unshare: boolean; markSafeguarding: boolean };
};

/** Selected for a note view. */
export const NOTE_SELECT = {
  id: true,
  kind: true,
  body: true,
  authorId: true,
  createdAt: true,
  meetingRecordId: true,
  sharedAt: true,
  sharedById: true,
  safeguardingAt: true,
  safeguardingById: true,
  party: { select: { name: true, kind: true } },
} as const;

type NoteRow = {
  id: string;
  kind: NoteKindValue;
  body: string;
  authorId: string;
  createdAt: Date;
  meetingRecordId: string | null;
  sharedAt: Date | null;
  sharedById: string | null;
  safeguardingAt: Date | null;
  safeguardingById: string | null;
  party: { name: string; kind: string } | null;
};

/** Note rows as views: names of the people involved looked up once; `canWrite` = the allocated mediator. */
export async function toNoteViews(rows: NoteRow[], canWrite: boolean): Promise<NoteView[]> {
  const ids = [...new Set(rows.flatMap((n) => [n.authorId, n.sharedById, n.safeguardingById]).filter((x): x is string => !!x))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    kindLabel: NOTE_KIND_LABELS[n.kind],
    party: n.party ? describeParty(n.party) : null,
    fromMeetingRecord: n.meetingRecordId !== null,
    body: n.body,
    authorName: name(n.authorId),
    createdAt: n.createdAt.toISOString(),
    shared: n.sharedAt ? { at: n.sharedAt.toISOString(), byName: name(n.sharedById) } : null,
    safeguarding: n.safeguardingAt ? { at: n.safeguardingAt.toISOString(), byName: name(n.safeguardingById) } : null,
    can: { share: canWrite && !n.sharedAt, unshare: canWrite && !!n.sharedAt, markSafeguarding: canWrite && !n.safeguardingAt },
  }));
}

export type CaseNotes = {
  /** The allocated mediator: may add notes, share them and mark a concern. */
  canWrite: boolean;
  notes: NoteView[];
  /** For a pre-meeting note: the case's parties. */
  parties: { id: string; label: string }[];
};

export async function listCaseNotes(user: SessionUser, caseId: string): Promise<CaseNotes> {
  // the LA officer and the family never reach a note, not even an empty list.
  authorize(user, "case:read-private-notes");
  // Issue 14: the case and its notes in one round — the notes' own scope (caseNoteScope) holds the
  // case's, so a case outside it has no notes to read, and is still a 404 by findCaseOrThrow.
  const [c, rows] = await Promise.all([
    findCaseOrThrow(user, caseId, { id: true, parties: { select: { id: true, name: true, kind: true }, orderBy: { createdAt: "asc" } } }),
    db().caseNote.findMany({
      where: { AND: [caseNoteScope(user), { caseId }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: NOTE_SELECT,
    }),
  ]);
  const canWrite = can(user, "case:write-notes");
  return {
    canWrite,
    notes: await toNoteViews(rows, canWrite),
    parties: canWrite ? c.parties.map((p) => ({ id: p.id, label: describeParty(p) })) : [],
  };
}
