/**
 * For /cases/[id]/meeting/attendees/[attendeeId]: one invitee of the booked meeting, with their
 * answer and needs, for the form that records them. 404 outside the user's scope or for a role
 * that may not manage meetings.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { PARTY_KIND_LABELS, PARTY_KINDS_WITH_AUTHORITY, type PartyKindValue } from "@/lib/cases/options";
import { authorize } from "@/lib/auth/policy";
import { findCaseOrThrow } from "@/lib/cases/store";
import { meetingWhen } from "./wording";

export async function getAttendee(user: SessionUser, caseId: string, attendeeId: string) {
  authorize(user, "meeting:manage");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true });
  const a = await db().meetingAttendee.findFirst({
    where: { id: attendeeId, caseId: c.id, meeting: { status: "SCHEDULED" } },
    select: {
      id: true,
      response: true,
      interpreterLanguage: true,
      adjustments: true,
      supporterName: true,
      party: { select: { name: true, kind: true, organisation: true, hasAuthority: true } },
      meeting: { select: { startsAt: true, endsAt: true } },
    },
  });
  if (!a) throw new NotFoundError("attendee");
  const withAuthority = PARTY_KINDS_WITH_AUTHORITY.includes(a.party.kind as PartyKindValue);
  return {
    case: { id: c.id, reference: c.reference },
    id: a.id,
    name: a.party.name,
    roleLabel: PARTY_KIND_LABELS[a.party.kind as PartyKindValue] ?? a.party.kind,
    organisation: a.party.organisation,
    when: meetingWhen(a.meeting.startsAt, a.meeting.endsAt),
    /** The form's starting values (as posted). */
    values: {
      response: a.response as string,
      interpreterLanguage: a.interpreterLanguage ?? "",
      adjustments: a.adjustments ?? "",
      supporterName: a.supporterName ?? "",
      hasAuthority: a.party.hasAuthority === null ? "" : a.party.hasAuthority ? "yes" : "no",
    },
    withAuthority,
  };
}
