/**
 * For /cases/[id]/meeting (the allocated mediator, caseworkers, admins; anyone else: 404): the
 * case's booked joint meeting — when, where, the day notice was given (R-22) — who is invited with
 * their answers and needs, whether an LA (and ICB) representative with authority to resolve the
 * issues is among them (R-24), the case's parties who could still be invited, and the history of
 * every joint meeting of the case (booked, moved from and to, cancelled and why).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { checkTransition, isTerminalStatus } from "@/lib/cases/lifecycle";
import { describeParty, PARTY_KIND_LABELS, PARTY_KINDS_WITH_AUTHORITY, type PartyKindValue } from "@/lib/cases/options";
import { findCaseOrThrow, SNAPSHOT_SELECT, toSnapshot } from "@/lib/cases/store";
import { meetingAuthorityWarnings } from "@/lib/cases/parties/authority";
import { accessLines, meetingWhen, placeName, RESPONSE_LABELS } from "./wording";

export type AttendeeRow = {
  id: string;
  partyId: string;
  name: string;
  roleLabel: string;
  organisation: string | null;
  hasEmail: boolean;
  response: keyof typeof RESPONSE_LABELS;
  responseLabel: string;
  interpreterLanguage: string | null;
  adjustments: string | null;
  /** Issue 12: who they bring to support them. */
  supporterName: string | null;
  /** Issue 12: when the family gave this answer themselves, online (null: recorded by staff, or none). */
  familyAnsweredAt: string | null;
  /** When their invitation (or its latest update) was written to the outbox; null: not sent. */
  invitedAt: string | null;
  /** LA and ICB representatives (R-24): whether they have authority to resolve the issues (null: not known). */
  authority: boolean | null | "N/A";
};

export type HistoryRow = { id: string; kind: "BOOKED" | "MOVED" | "CANCELLED"; at: string; actorName: string | null; text: string; reason: string | null };

export type JointMeetingPage = {
  meeting: {
    id: string;
    when: string;
    where: string;
    /** The venue's address and access details, for a meeting at a venue. */
    address: string | null;
    access: string[];
    videoLink: string | null;
    sequence: number;
    noticeSentOn: string | null;
    shortNoticeAgreed: boolean;
  } | null;
  attendees: AttendeeRow[];
  /** The case's parties not invited yet. */
  addable: { id: string; label: string }[];
  /** R-24: the booked meeting has no LA (or ICB) representative confirmed as having authority. */
  authorityWarnings: string[];
  history: HistoryRow[];
  /** Who is invited can be changed (the meeting is booked and the case open). */
  canManage: boolean;
  /** The lifecycle lets this user cancel the meeting now. */
  canCancel: boolean;
};

export async function getJointMeeting(user: SessionUser, caseId: string): Promise<JointMeetingPage> {
  authorize(user, "meeting:manage");
  const c = await findCaseOrThrow(user, caseId, { ...SNAPSHOT_SELECT, healthBodyId: true });
  const [meeting, parties, changes] = await Promise.all([
    db().meeting.findFirst({
      where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        mode: true,
        videoLink: true,
        sequence: true,
        noticeSentOn: true,
        shortNoticeAgreed: true,
        venue: { select: { name: true, address: true, stepFreeAccess: true, hearingLoop: true, parking: true, notes: true } },
        attendees: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            partyId: true,
            response: true,
            interpreterLanguage: true,
            adjustments: true,
            supporterName: true,
            familyAnsweredAt: true,
            invitedAt: true,
            party: { select: { name: true, kind: true, organisation: true, email: true, hasAuthority: true } },
          },
        },
      },
    }),
    db().party.findMany({ where: { caseId: c.id }, select: { id: true, name: true, kind: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().meetingChange.findMany({ where: { caseId: c.id }, orderBy: [{ at: "desc" }, { id: "desc" }] }),
  ]);
  const actorIds = [...new Set(changes.map((h) => h.actorId).filter((x): x is string => !!x))];
  const actors = actorIds.length ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const actorName = new Map(actors.map((a) => [a.id, a.name]));

  const snapshot = toSnapshot(c);
  const open = !isTerminalStatus(c.status);
  const attendees: AttendeeRow[] = (meeting?.attendees ?? []).map((a) => ({
    id: a.id,
    partyId: a.partyId,
    name: a.party.name,
    roleLabel: PARTY_KIND_LABELS[a.party.kind as PartyKindValue] ?? a.party.kind,
    organisation: a.party.organisation,
    hasEmail: !!a.party.email,
    response: a.response,
    responseLabel: RESPONSE_LABELS[a.response],
    interpreterLanguage: a.interpreterLanguage,
    adjustments: a.adjustments,
    supporterName: a.supporterName,
    familyAnsweredAt: a.familyAnsweredAt?.toISOString() ?? null,
    invitedAt: a.invitedAt?.toISOString() ?? null,
    authority: PARTY_KINDS_WITH_AUTHORITY.includes(a.party.kind as PartyKindValue) ? a.party.hasAuthority : "N/A",
  }));
  const invited = new Set(attendees.map((a) => a.partyId));
  return {
    meeting: meeting
      ? {
          id: meeting.id,
          when: meetingWhen(meeting.startsAt, meeting.endsAt),
          where: placeName(meeting.mode, meeting.venue?.name),
          address: meeting.mode === "VENUE" ? (meeting.venue?.address ?? null) : null,
          access: meeting.mode === "VENUE" && meeting.venue ? accessLines(meeting.venue) : [],
          videoLink: meeting.mode === "VIDEO" ? meeting.videoLink : null,
          sequence: meeting.sequence,
          noticeSentOn: meeting.noticeSentOn ? isoFromDbDate(meeting.noticeSentOn) : null,
          shortNoticeAgreed: meeting.shortNoticeAgreed,
        }
      : null,
    attendees,
    addable: meeting ? parties.filter((p) => !invited.has(p.id)).map((p) => ({ id: p.id, label: describeParty(p) })) : [],
    authorityWarnings: meeting
      ? meetingAuthorityWarnings({
          kind: c.kind,
          involvesHealthBody: snapshot.hasHealthIssue || c.healthBodyId !== null,
          attendees: meeting.attendees.map((a) => ({ kind: a.party.kind, hasAuthority: a.party.hasAuthority, response: a.response })),
        })
      : [],
    history: changes.map((h) => ({
      id: h.id,
      kind: h.kind,
      at: h.at.toISOString(),
      actorName: h.actorId ? (actorName.get(h.actorId) ?? null) : null,
      text: historyText(h),
      reason: h.reason,
    })),
    canManage: !!meeting && open,
    canCancel: !!meeting && checkTransition(snapshot, "cancelMeeting", { id: user.id, role: user.role }).ok,
  };
}

type Change = { kind: "BOOKED" | "MOVED" | "CANCELLED"; fromStartsAt: Date | null; fromEndsAt: Date | null; fromPlace: string | null; toStartsAt: Date | null; toEndsAt: Date | null; toPlace: string | null };

const slotText = (start: Date | null, end: Date | null, place: string | null) => (start && end ? `${meetingWhen(start, end)}${place ? `, ${place}` : ""}` : (place ?? "not recorded"));

/** "Moved from Tuesday 8 December 2026, 10:00 to 12:30, Riverside Family Centre to …" */
export function historyText(h: Change): string {
  if (h.kind === "BOOKED") return `Booked for ${slotText(h.toStartsAt, h.toEndsAt, h.toPlace)}`;
  if (h.kind === "MOVED") return `Moved from ${slotText(h.fromStartsAt, h.fromEndsAt, h.fromPlace)} to ${slotText(h.toStartsAt, h.toEndsAt, h.toPlace)}`;
  return `Cancelled: it was on ${slotText(h.fromStartsAt, h.fromEndsAt, h.fromPlace)}`;
}
