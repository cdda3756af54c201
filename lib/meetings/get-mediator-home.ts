/**
 * The mediator's home (/mediator, issue 10): this week's meetings; the cases with no joint meeting
 * booked yet, the fewest days left to the day mediation must take place by first (R-20; the ICB's
 * for health only, R-21); the parties they have still to meet in a pre-meeting before the joint
 * meeting; the meetings held but not yet recorded; and the booked joint meetings with no LA (or
 * ICB) representative confirmed as having authority to resolve the issues among those invited
 * (R-24). Only the mediator's own cases (the allocation scope).
 */
import "server-only";
import { db, Prisma } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScopeSql } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, daysBetween, todayInLondon } from "@/lib/deadlines";
import { MEDIATION_CLOCKS, STATUS_LABELS, type CaseStatus } from "@/lib/cases/lifecycle";
import { meetingAuthorityWarnings, type AuthorityAttendee } from "@/lib/cases/parties/authority";
import { londonInstant, londonWallClock, hhmm } from "./london-time";
import { meetingWhen } from "./wording";
import { NOT_MET_ALONE, PRE_MEETING_STATUSES } from "./pre-meetings/pre-meeting-rules";

/** How far ahead "this week's meetings" looks, in days from today. */
export const MEDIATOR_HOME_DAYS_AHEAD = 7;
/** Statuses in which the joint meeting is still to be booked. */
const TO_BOOK: CaseStatus[] = ["ALLOCATED", "PREPARING"];

export type HomeMeeting = { id: string; caseId: string; reference: string; child: string | null; date: string; time: string; place: string; kind: string };
export type CaseToBook = { id: string; reference: string; child: string | null; statusLabel: string; lastDay: string | null; daysLeft: number | null };
export type RecordToWrite = { id: string; reference: string; child: string | null; meetingOn: string };
/** A case with parties not yet met in a pre-meeting: each, with when theirs is booked (or null: not yet). */
export type PreMeetingsToHold = { id: string; reference: string; child: string | null; meetingOn: string | null; parties: { id: string; name: string; kind: string; bookedFor: { date: string; time: string } | null }[] };
export type AuthorityToConfirm = { caseId: string; reference: string; when: string; warnings: string[] };

type HomeRow = {
  meetings: { id: string; kind: string; startsAt: string; mode: string; venueName: string | null; caseId: string; reference: string; child: string | null }[];
  toBook: { id: string; reference: string; status: CaseStatus; child: string | null; dueOn: string | null }[];
  toRecord: { id: string; reference: string; meetingOn: string; child: string | null }[];
  booked: {
    startsAt: string;
    endsAt: string;
    caseId: string;
    reference: string;
    kind: string;
    healthBodyId: string | null;
    issues: string[];
    attendees: { response: AuthorityAttendee["response"]; kind: AuthorityAttendee["kind"]; hasAuthority: boolean | null }[];
  }[];
  preMeetings: { id: string; reference: string; meetingOn: string | null; child: string | null; parties: { id: string; name: string; kind: string; bookedFor: string | null }[] }[];
};

const list = (rows: Prisma.Sql) => Prisma.sql`COALESCE((${rows}), '[]'::json)`;

/**
 * Issue 14 (decision 0033): the five lists in one hand-written statement (they were five Prisma
 * statements), each within the user's scope through `caseScopeSql` (the SQL twin of caseScope,
 * tests/integration/auth/scope.test.ts), with the same conditions and orders as before.
 */
function homeSql(user: SessionUser, today: string, now: Date): Prisma.Sql {
  const scope = caseScopeSql(user);
  const from = londonInstant(today, 0).toISOString();
  const to = londonInstant(addCalendarDays(today, MEDIATOR_HOME_DAYS_AHEAD + 1), 0).toISOString();
  const day = Prisma.sql`${today}::date`;
  // A party still to meet alone before the joint meeting: not a supporter or interpreter, no pre-meeting held.
  const notHeld = (p: Prisma.Sql) =>
    Prisma.sql`${p}."kind"::text NOT IN (${Prisma.join([...NOT_MET_ALONE])})
      AND NOT EXISTS (SELECT 1 FROM "Meeting" pm WHERE pm."partyId" = ${p}."id" AND pm."kind" = 'PRE_MEETING' AND pm."status" = 'HELD')`;
  const statuses = (xs: readonly CaseStatus[]) => Prisma.join(xs.map((x) => Prisma.sql`${x}::"CaseStatus"`));
  return Prisma.sql`SELECT
    ${list(Prisma.sql`
      SELECT json_agg(json_build_object('id', m."id", 'kind', m."kind", 'startsAt', m."startsAt", 'mode', m."mode", 'venueName', v."name",
                                        'caseId', c."id", 'reference', c."reference", 'child', ch."name") ORDER BY m."startsAt")
      FROM "Meeting" m JOIN "Case" c ON c."id" = m."caseId" LEFT JOIN "Venue" v ON v."id" = m."venueId" LEFT JOIN "Child" ch ON ch."caseId" = c."id"
      WHERE m."status" = 'SCHEDULED' AND m."startsAt" >= ${from}::timestamptz AND m."startsAt" < ${to}::timestamptz AND ${scope}`)} AS "meetings",
    ${list(Prisma.sql`
      SELECT json_agg(json_build_object('id', c."id", 'reference', c."reference", 'status', c."status", 'child', ch."name",
        'dueOn', (SELECT to_char(min(d."dueOn"), 'YYYY-MM-DD') FROM "CaseDeadline" d
                  WHERE d."caseId" = c."id" AND d."closedOn" IS NULL AND d."name" IN (${Prisma.join([...MEDIATION_CLOCKS])}))))
      FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c."id"
      WHERE ${scope} AND c."status" IN (${statuses(TO_BOOK)})`)} AS "toBook",
    ${list(Prisma.sql`
      SELECT json_agg(json_build_object('id', c."id", 'reference', c."reference", 'meetingOn', to_char(c."meetingOn", 'YYYY-MM-DD'), 'child', ch."name") ORDER BY c."meetingOn")
      FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c."id"
      WHERE ${scope} AND c."status" = 'MEETING_SCHEDULED' AND c."meetingOn" < ${day}`)} AS "toRecord",
    ${list(Prisma.sql`
      SELECT json_agg(json_build_object('startsAt', m."startsAt", 'endsAt', m."endsAt", 'caseId', c."id", 'reference', c."reference", 'kind', c."kind",
        'healthBodyId', c."healthBodyId",
        'issues', ARRAY(SELECT i."category"::text FROM "CaseIssue" i WHERE i."caseId" = c."id"),
        'attendees', COALESCE((SELECT json_agg(json_build_object('response', a."response", 'kind', p."kind", 'hasAuthority', p."hasAuthority"))
                               FROM "MeetingAttendee" a JOIN "Party" p ON p."id" = a."partyId" WHERE a."meetingId" = m."id"), '[]'::json)) ORDER BY m."startsAt")
      FROM "Meeting" m JOIN "Case" c ON c."id" = m."caseId"
      WHERE m."status" = 'SCHEDULED' AND m."kind" = 'JOINT_MEETING' AND m."endsAt" > ${now.toISOString()}::timestamptz AND ${scope}`)} AS "booked",
    ${list(Prisma.sql`
      SELECT json_agg(json_build_object('id', c."id", 'reference', c."reference", 'meetingOn', to_char(c."meetingOn", 'YYYY-MM-DD'), 'child', ch."name",
        'parties', (SELECT json_agg(json_build_object('id', p."id", 'name', p."name", 'kind', p."kind",
                      'bookedFor', (SELECT pm."startsAt" FROM "Meeting" pm WHERE pm."partyId" = p."id" AND pm."kind" = 'PRE_MEETING' AND pm."status" = 'SCHEDULED' ORDER BY pm."startsAt" LIMIT 1))
                      ORDER BY p."createdAt", p."id")
                    FROM "Party" p WHERE p."caseId" = c."id" AND ${notHeld(Prisma.sql`p`)}))
        ORDER BY c."meetingOn" ASC NULLS LAST, c."reference" ASC)
      FROM "Case" c LEFT JOIN "Child" ch ON ch."caseId" = c."id"
      WHERE ${scope} AND c."status" IN (${statuses(PRE_MEETING_STATUSES)}) AND (c."meetingOn" IS NULL OR c."meetingOn" >= ${day})
        AND EXISTS (SELECT 1 FROM "Party" p WHERE p."caseId" = c."id" AND ${notHeld(Prisma.sql`p`)})`)} AS "preMeetings"`;
}

export async function getMediatorHome(user: SessionUser, now = new Date()) {
  authorize(user, "mediator:workspace");
  const today = todayInLondon(now);
  const [{ meetings, toBook, toRecord, booked, preMeetings }] = (await db().$queryRaw<HomeRow[]>(homeSql(user, today, now))) as [HomeRow];
  const cases: CaseToBook[] = toBook
    .map((c) => {
      const due = c.dueOn;
      return { id: c.id, reference: c.reference, child: c.child, statusLabel: STATUS_LABELS[c.status], lastDay: due, daysLeft: due ? daysBetween(today, due) : null };
    })
    // Fewest days left first; cases with no clock (DRS) last.
    .sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.reference.localeCompare(b.reference));
  return {
    today,
    meetings: meetings.map((m): HomeMeeting => {
      const at = londonWallClock(new Date(m.startsAt));
      const place = m.mode === "VENUE" ? (m.venueName ?? "Venue") : m.mode === "VIDEO" ? "Video call" : m.mode === "PHONE" ? "Phone call" : "Visit";
      return { id: m.id, caseId: m.caseId, reference: m.reference, child: m.child, date: at.date, time: hhmm(at.minutes), place, kind: m.kind };
    }),
    toBook: cases,
    authority: booked.flatMap((m): AuthorityToConfirm[] => {
      const warnings = meetingAuthorityWarnings({
        kind: m.kind,
        involvesHealthBody: m.healthBodyId !== null || m.issues.includes("HEALTH"),
        attendees: m.attendees,
      });
      return warnings.length ? [{ caseId: m.caseId, reference: m.reference, when: meetingWhen(new Date(m.startsAt), new Date(m.endsAt)), warnings }] : [];
    }),
    toRecord: toRecord.map((c): RecordToWrite => ({ id: c.id, reference: c.reference, child: c.child, meetingOn: c.meetingOn })),
    preMeetingsToHold: preMeetings.map(
      (c): PreMeetingsToHold => ({
        id: c.id,
        reference: c.reference,
        child: c.child,
        meetingOn: c.meetingOn,
        parties: c.parties.map((p) => {
          const at = p.bookedFor ? londonWallClock(new Date(p.bookedFor)) : null;
          return { id: p.id, name: p.name, kind: p.kind, bookedFor: at ? { date: at.date, time: hhmm(at.minutes) } : null };
        }),
      }),
    ),
  };
}
