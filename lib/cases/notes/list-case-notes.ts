/**
 * The notes section of the case page (issue 10, R-80, R-81): the notes this user may read, newest
 * first, read only through caseNoteScope (lib/auth/scope.ts; here its SQL twin caseNoteScopeSql) —
 * the allocated mediator all of them;
 * caseworkers and admins those shared with the case team, and a safeguarding lead those marked as
 * a concern; the LA officer and the family never (their request is a 404, like a page their role
 * may not see). Says what the user may do with each: share, stop sharing, mark as a concern.
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { readOne, rowRead, type RowRead } from "@/lib/platform/db/row-reads";
import { isoInstantSql } from "@/lib/platform/db/sql-values";
import { authorize, can } from "@/lib/auth/policy";
import { caseNoteScopeSql, caseScopeSql } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { describeParty } from "../options";
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

/** A note with the names of the people involved, its instants as ISO strings: what a view is made of. */
type NamedNoteRow = {
  id: string;
  kind: NoteKindValue;
  body: string;
  createdAt: string;
  meetingRecordId: string | null;
  sharedAt: string | null;
  safeguardingAt: string | null;
  party: { name: string; kind: string } | null;
  authorName: string | null;
  sharedByName: string | null;
  safeguardingByName: string | null;
};

/** The one place a note becomes its view; `canWrite` = the allocated mediator. */
function toNoteView(n: NamedNoteRow, canWrite: boolean): NoteView {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTE_KIND_LABELS[n.kind],
    party: n.party ? describeParty(n.party) : null,
    fromMeetingRecord: n.meetingRecordId !== null,
    body: n.body,
    authorName: n.authorName,
    createdAt: n.createdAt,
    shared: n.sharedAt ? { at: n.sharedAt, byName: n.sharedByName } : null,
    safeguarding: n.safeguardingAt ? { at: n.safeguardingAt, byName: n.safeguardingByName } : null,
    can: { share: canWrite && !n.sharedAt, unshare: canWrite && !!n.sharedAt, markSafeguarding: canWrite && !n.safeguardingAt },
  };
}

/** Note rows (NOTE_SELECT) as views: names of the people involved looked up once; `canWrite` = the allocated mediator. */
export async function toNoteViews(rows: NoteRow[], canWrite: boolean): Promise<NoteView[]> {
  const ids = [...new Set(rows.flatMap((n) => [n.authorId, n.sharedById, n.safeguardingById]).filter((x): x is string => !!x))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  return rows.map((n) =>
    toNoteView(
      {
        id: n.id,
        kind: n.kind,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        meetingRecordId: n.meetingRecordId,
        sharedAt: n.sharedAt?.toISOString() ?? null,
        safeguardingAt: n.safeguardingAt?.toISOString() ?? null,
        party: n.party,
        authorName: name(n.authorId),
        sharedByName: name(n.sharedById),
        safeguardingByName: name(n.safeguardingById),
      },
      canWrite,
    ),
  );
}

export type CaseNotes = {
  /** The allocated mediator: may add notes, share them and mark a concern. */
  canWrite: boolean;
  notes: NoteView[];
  /** For a pre-meeting note: the case's parties. */
  parties: { id: string; label: string }[];
};

type CaseNotesRow = { notes: NamedNoteRow[]; parties: { id: string; name: string; kind: string }[] | null };

/**
 * Issue 14 (decision 0033): one hand-written statement through the pool (readRows, decision 0040:
 * json) — the case through caseScopeSql (the SQL twin of caseScope; a case outside the scope is no
 * row, 404) with its notes through caseNoteScopeSql (the twin of caseNoteScope: R-80, R-81),
 * newest first, each with its party and the names of its author and of who shared it or marked it
 * a concern; and, for the mediator who may write, the case's parties. It was the case, the notes
 * and a users query for the names, through Prisma: about 3 ms a call in Node.
 */
function caseNotesSql(user: SessionUser, caseId: string, withParties: boolean): Prisma.Sql {
  const parties = withParties
    ? Prisma.sql`COALESCE((SELECT json_agg(json_build_object('id', p."id", 'name', p."name", 'kind', p."kind") ORDER BY p."createdAt") FROM "Party" p WHERE p."caseId" = c."id"), '[]'::json)`
    : Prisma.sql`NULL::json`;
  return Prisma.sql`
    SELECT COALESCE((SELECT json_agg(json_build_object('id', n."id", 'kind', n."kind", 'body', n."body", 'createdAt', ${isoInstantSql(Prisma.sql`n."createdAt"`)},
          'meetingRecordId', n."meetingRecordId", 'sharedAt', ${isoInstantSql(Prisma.sql`n."sharedAt"`)}, 'safeguardingAt', ${isoInstantSql(Prisma.sql`n."safeguardingAt"`)},
          'party', CASE WHEN np."id" IS NULL THEN NULL ELSE json_build_object('name', np."name", 'kind', np."kind") END,
          'authorName', au."name", 'sharedByName', sb."name", 'safeguardingByName', sg."name")
          ORDER BY n."createdAt" DESC, n."id" DESC)
        FROM "CaseNote" n
        LEFT JOIN "Party" np ON np."id" = n."partyId"
        LEFT JOIN "User" au ON au."id" = n."authorId"
        LEFT JOIN "User" sb ON sb."id" = n."sharedById"
        LEFT JOIN "User" sg ON sg."id" = n."safeguardingById"
        WHERE n."caseId" = c."id" AND ${caseNoteScopeSql(user)}), '[]'::json) AS "notes",
      ${parties} AS "parties"
    FROM "Case" c
    WHERE c."id" = ${caseId} AND ${caseScopeSql(user)}`;
}

/** The read (decision 0042): alone in listCaseNotes, or with the case page's other sections. */
export function caseNotesRead(user: SessionUser, caseId: string): RowRead<CaseNotes> {
  // R-80: the LA officer and the family never reach a note, not even an empty list.
  authorize(user, "case:read-private-notes");
  const canWrite = can(user, "case:write-notes");
  return rowRead<CaseNotesRow, CaseNotes>(caseNotesSql(user, caseId, canWrite), (c) => {
    if (!c) throw new NotFoundError("case");
    return {
      canWrite,
      notes: c.notes.map((n) => toNoteView(n, canWrite)),
      parties: c.parties ? c.parties.map((p) => ({ id: p.id, label: describeParty(p) })) : [],
    };
  });
}

export async function listCaseNotes(user: SessionUser, caseId: string): Promise<CaseNotes> {
  return readOne(caseNotesRead(user, caseId));
}
