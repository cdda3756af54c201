/**
 * The mediator's home (/mediator, issue 10): this week's meetings; the cases with no joint meeting
 * booked yet, the fewest days left to the day mediation must take place by first (R-20; the ICB's
 * for health only, R-21); the parties they have still to meet in a pre-meeting before the joint
 * meeting; the meetings held but not yet recorded; and the booked joint meetings with no LA (or
 * ICB) representative confirmed as having authority to resolve the issues among those invited
 * . Only the mediator's own cases (the allocation scope).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { caseScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarDays, daysBetween, dbDateFromIso, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { MEDIATION_CLOCKS, STATUS_LABELS, type CaseStatus } from "@/lib/cases/lifecycle";
import type { PartyKind } from "@/lib/platform/db";
import { meetingAuthorityWarnings } from "@/lib/cases/parties/authority";
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

export async function getMediatorHome(user: SessionUser, now = new Date()) {
  authorize(user, "mediator:workspace");
  const today = todayInLondon(now);
  const scope = caseScope(user);
  const notHeld = { kind: { notIn: [...NOT_MET_ALONE] as PartyKind[] }, meetings: { none: { kind: "PRE_MEETING" as const, status: "HELD" as const } } };
  const [meetings, toBook, toRecord, booked, preMeetings] = await Promise.all([
    db().meeting.findMany({
      where: {
        status: "SCHEDULED",
        startsAt: { gte: londonInstant(today, 0), lt: londonInstant(addCalendarDays(today, MEDIATOR_HOME_DAYS_AHEAD + 1), 0) },
        case: scope,
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, kind: true, startsAt: true, mode: true, videoLink: true, venue: { select: { name: true } }, case: { select: { id: true, reference: true, child: { select: { name: true } } } } },
    }),
    db().case.findMany({
      where: { AND: [scope, { status: { in: TO_BOOK } }] },
      select: {
        id: true,
        reference: true,
        status: true,
        child: { select: { name: true } },
        deadlines: { where: { closedOn: null, name: { in: [...MEDIATION_CLOCKS] } }, select: { dueOn: true } },
      },
    }),
    db().case.findMany({
      where: { AND: [scope, { status: "MEETING_SCHEDULED", meetingOn: { lt: dbDateFromIso(today) } }] },
      orderBy: { meetingOn: "asc" },
      select: { id: true, reference: true, meetingOn: true, child: { select: { name: true } } },
    }),
    // every booked joint meeting still to come, with who is invited and their authority.
    db().meeting.findMany({
      where: { status: "SCHEDULED", kind: "JOINT_MEETING", endsAt: { gt: now }, case: scope },
      orderBy: { startsAt: "asc" },
      select: {
        startsAt: true,
        endsAt: true,
        case: { select: { id: true, reference: true, kind: true, healthBodyId: true, issues: { select: { category: true } } } },
        attendees: { select: { response: true, party: { select: { kind: true, hasAuthority: true } } } },
      },
    }),
    // Before the joint meeting (not one whose day has passed: that is a record to write).
    db().case.findMany({
      where: {
        AND: [
          scope,
          { status: { in: [...PRE_MEETING_STATUSES] } },
          { OR: [{ meetingOn: null }, { meetingOn: { gte: dbDateFromIso(today) } }] },
          { parties: { some: notHeld } },
        ],
      },
      orderBy: [{ meetingOn: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
      select: {
        id: true,
        reference: true,
        meetingOn: true,
        child: { select: { name: true } },
        parties: {
          where: notHeld,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, name: true, kind: true, meetings: { where: { kind: "PRE_MEETING", status: "SCHEDULED" }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } } },
        },
      },
    }),
  ]);
  const cases: CaseToBook[] = toBook
    .map((c) => {
      const due = c.deadlines[0] ? isoFromDbDate(c.deadlines[0].dueOn) : null;
      return { id: c.id, reference: c.reference, child: c.child?.name ?? null, statusLabel: STATUS_LABELS[c.status], lastDay: due, daysLeft: due ? daysBetween(today, due) : null };
    })
    // Fewest days left first; cases with no clock (DRS) last.
    .sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.reference.localeCompare(b.reference));
  return {
    today,
    meetings: meetings.map((m): HomeMeeting => {
      const at = londonWallClock(m.startsAt);
      const place = m.mode === "VENUE" ? (m.venue?.name ?? "Venue") : m.mode === "VIDEO" ? "Video call" : m.mode === "PHONE" ? "Phone call" : "Visit";
      return { id: m.id, caseId: m.case.id, reference: m.case.reference, child: m.case.child?.name ?? null, date: at.date, time: hhmm(at.minutes), place, kind: m.kind };
    }),
    toBook: cases,
    authority: booked.flatMap((m): AuthorityToConfirm[] => {
      const warnings = meetingAuthorityWarnings({
        kind: m.case.kind,
        involvesHealthBody: m.case.healthBodyId !== null || m.case.issues.some((i) => i.category === "HEALTH"),
        attendees: m.attendees.map((a) => ({ kind: a.party.kind, hasAuthority: a.party.hasAuthority, response: a.response })),
      });
      return warnings.length ? [{ caseId: m.case.id, reference: m.case.reference, when: meetingWhen(m.startsAt, m.endsAt), warnings }] : [];
    }),
    toRecord: toRecord.map((c): RecordToWrite => ({ id: c.id, reference: c.reference, child: c.child?.name ?? null, meetingOn: isoFromDbDate(c.meetingOn!) })),
    preMeetingsToHold: preMeetings.map(
      (c): PreMeetingsToHold => ({
        id: c.id,
        reference: c.reference,
        child: c.child?.name ?? null,
        meetingOn: c.meetingOn ? isoFromDbDate(c.meetingOn) : null,
        parties: c.parties.map((p) => {
          const at = p.meetings[0] ? londonWallClock(p.meetings[0].startsAt) : null;
          return { id: p.id, name: p.name, kind: p.kind, bookedFor: at ? { date: at.date, time: hhmm(at.minutes) } : null };
        }),
      }),
    ),
  };
}
