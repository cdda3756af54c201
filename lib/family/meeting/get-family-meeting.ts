/**
 * For /my-case/[caseId]/meeting (issue 12): the family's view of their joint meeting, for a family
 * user on a case in their scope (caseScope; any other case: 404). When and where (Europe/London
 * wall clock, R-63) with the venue's access details, or how to join a video or phone meeting; who
 * will be there; the family user's own answer. With no meeting booked: by when mediation must take
 * place (R-20, the case's open 30-day deadline) and the notice they will get. A cancelled
 * meeting says so.
 *
 * shared facts only. It never reads staff notes, a meeting's late-booking reason, a
 * cancellation's reason, anyone's access needs, nor another attendee's answer details or needs;
 * the family's own needs are shown back only when they gave them themselves (decision 0020).
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { isoFromDbDate } from "@/lib/deadlines";
import { findCaseOrThrow } from "@/lib/cases/store";
import { isTerminalStatus, MEDIATION_CLOCKS } from "@/lib/cases/lifecycle";
import { PARTY_KIND_LABELS, type PartyKindValue } from "@/lib/cases/options";
import type { AttendeeResponse, MeetingMode } from "@/lib/platform/db/generated/enums";
import { accessLines, meetingWhen } from "@/lib/meetings/wording";
import { familyAnswerOf, NOTED_RESPONSE_TEXT, type FamilyAnswer, type FamilyNeeds } from "./family-answer";

export const JOINT_KINDS = ["JOINT_MEETING", "DRS_MEETING"] as const;

export type FamilyMeetingPerson = { name: string; role: string; organisation: string | null; you: boolean };

export type MyAnswer = {
  /** Their own answer, given online (with the needs they typed), or null. */
  answer: FamilyAnswer | null;
  needs: FamilyNeeds;
  answeredAt: string | null;
  /** An answer staff noted for them (by phone or email), in a sentence; null when none or their own is shown. */
  noted: string | null;
};

export type FamilyMeetingPage = {
  case: { id: string; reference: string; kind: "MEDIATION" | "DRS" };
  /** BOOKED: the meeting below; CANCELLED: the last one was cancelled and none is booked; HELD: it took place; NONE: not booked yet. */
  state: "BOOKED" | "CANCELLED" | "HELD" | "NONE";
  meeting: {
    id: string;
    when: string;
    mode: MeetingMode;
    venue: { name: string; address: string; access: string[] } | null;
    videoLink: string | null;
  } | null;
  /** The cancelled or held meeting's date and time (CANCELLED, HELD). */
  pastWhen: string | null;
  /** the day mediation must take place by (the open 30-day deadline), when there is one. */
  mediateBy: string | null;
  /** The case is still open (a meeting may still be booked). */
  open: boolean;
  /** Who will be there (not those who said they are not coming), the mediator last. */
  people: FamilyMeetingPerson[];
  /** The family user's own invitation, or null when they are not invited (e.g. a parent on a young person's case). */
  mine: (MyAnswer & { attendeeId: string; name: string }) | null;
  /** They may answer now: invited, the meeting booked and the case open. */
  canAnswer: boolean;
};

export async function getFamilyMeeting(user: SessionUser, caseId: string): Promise<FamilyMeetingPage> {
  authorize(user, "family:workspace");
  const c = await findCaseOrThrow(user, caseId, {
    id: true,
    reference: true,
    kind: true,
    status: true,
    allocatedMediator: { select: { name: true } },
    deadlines: { where: { closedOn: null, name: { in: [...MEDIATION_CLOCKS] } }, select: { dueOn: true }, orderBy: { dueOn: "asc" }, take: 1 },
  });
  const [booked, last] = await Promise.all([
    db().meeting.findFirst({
      where: { caseId: c.id, kind: { in: [...JOINT_KINDS] }, status: "SCHEDULED" },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        mode: true,
        videoLink: true,
        venue: { select: { name: true, address: true, stepFreeAccess: true, hearingLoop: true, parking: true, notes: true } },
        attendees: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            response: true,
            respondedAt: true,
            familyAnsweredAt: true,
            interpreterLanguage: true,
            adjustments: true,
            supporterName: true,
            party: { select: { name: true, kind: true, organisation: true, userId: true } },
          },
        },
      },
    }),
    db().meeting.findFirst({
      where: { caseId: c.id, kind: { in: [...JOINT_KINDS] }, status: { in: ["CANCELLED", "HELD"] } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { status: true, startsAt: true, endsAt: true },
    }),
  ]);
  const open = !isTerminalStatus(c.status);
  const kind = c.kind === "DRS" ? "DRS" : "MEDIATION";
  const base = { case: { id: c.id, reference: c.reference, kind }, mediateBy: c.deadlines[0] ? isoFromDbDate(c.deadlines[0].dueOn) : null, open } as const;
  if (!booked) {
    return {
      ...base,
      state: last ? (last.status === "HELD" ? "HELD" : "CANCELLED") : "NONE",
      meeting: null,
      pastWhen: last ? meetingWhen(last.startsAt, last.endsAt) : null,
      people: [],
      mine: null,
      canAnswer: false,
    };
  }
  const own = booked.attendees.find((a) => a.party.userId === user.id) ?? null;
  const people: FamilyMeetingPerson[] = booked.attendees
    .filter((a) => a.response !== "DECLINED" || a === own)
    .map((a) => ({ name: a.party.name, role: PARTY_KIND_LABELS[a.party.kind as PartyKindValue] ?? a.party.kind, organisation: a.party.organisation, you: a === own }));
  if (c.allocatedMediator) people.push({ name: c.allocatedMediator.name, role: kind === "DRS" ? "Facilitator" : "Mediator", organisation: null, you: false });
  return {
    ...base,
    state: "BOOKED",
    meeting: {
      id: booked.id,
      when: meetingWhen(booked.startsAt, booked.endsAt),
      mode: booked.mode,
      venue: booked.mode === "VENUE" && booked.venue ? { name: booked.venue.name, address: booked.venue.address, access: accessLines(booked.venue) } : null,
      videoLink: booked.mode === "VIDEO" ? booked.videoLink : null,
    },
    pastWhen: null,
    people,
    mine: own ? { attendeeId: own.id, name: own.party.name, ...myAnswer(own) } : null,
    canAnswer: !!own && open,
  };
}

type OwnRow = { response: AttendeeResponse; familyAnsweredAt: Date | null } & FamilyNeeds;

/** Decision 0020: their needs are said back only when they gave them; staff's notes of an answer are said in our words. */
export function myAnswer(a: OwnRow): MyAnswer {
  const needs: FamilyNeeds = { interpreterLanguage: a.interpreterLanguage, adjustments: a.adjustments, supporterName: a.supporterName };
  if (a.familyAnsweredAt) return { answer: familyAnswerOf(a.response, needs), needs, answeredAt: a.familyAnsweredAt.toISOString(), noted: null };
  return { answer: null, needs: { interpreterLanguage: null, adjustments: null, supporterName: null }, answeredAt: null, noted: NOTED_RESPONSE_TEXT[a.response] };
}
