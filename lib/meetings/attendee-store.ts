/**
 * What the attendee commands share: the booked meeting of a case in the user's scope, for a user
 * who may manage meetings (the allocated mediator, caseworkers, admins; anyone else: 404, never
 * 403), with the case still open and the meeting still booked.
 */
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { assertCaseOpen, caseIdSchema, findCaseOrThrow } from "@/lib/cases/store";
import { enqueueMeetingInvitations } from "./send-meeting-invitations";

export const meetingIdSchema = z.string({ error: "The meeting is missing." }).trim().min(1, "The meeting is missing.").max(200, "The meeting is not recognised.");

export const NOT_BOOKED = "This meeting has been cancelled or has taken place, so who is invited can no longer be changed.";

export const attendeeRefSchema = z.object({ caseId: caseIdSchema, attendeeId: meetingIdSchema });

export async function findBookedMeeting(tx: Tx, user: SessionUser, caseId: string, meetingId: string) {
  authorize(user, "meeting:manage");
  const c = await findCaseOrThrow(user, caseId, { id: true, status: true, kind: true }, tx);
  const m = await tx.meeting.findFirst({ where: { id: meetingId, caseId: c.id }, select: { id: true, status: true, sequence: true } });
  if (!m) throw new NotFoundError("meeting");
  assertCaseOpen(c.status);
  if (m.status !== "SCHEDULED") throw new DomainError(NOT_BOOKED, "MEETING_NOT_BOOKED");
  return { case: c, meeting: m };
}

/** An attendee of a meeting of the case, with their party; 404 when there is none in scope. */
export async function findAttendee(tx: Tx, user: SessionUser, caseId: string, attendeeId: string) {
  authorize(user, "meeting:manage");
  const c = await findCaseOrThrow(user, caseId, { id: true }, tx);
  const a = await tx.meetingAttendee.findFirst({
    where: { id: attendeeId, caseId: c.id },
    select: { id: true, meetingId: true, partyId: true, response: true, interpreterLanguage: true, adjustments: true, supporterName: true, party: { select: { kind: true, hasAuthority: true } } },
  });
  if (!a) throw new NotFoundError("attendee");
  return a;
}

/**
 * Invites a party of the case to the booked meeting: the attendee row, and their invitation (the
 * meeting's current SEQUENCE) queued in the same transaction, sent once it has committed. Null when
 * they are invited already. The caller has checked who may do this (staff: `findBookedMeeting`;
 * the LA officer naming their LA's attendee: lib/meetings/name-la-attendee.ts).
 */
export async function inviteParty(tx: Tx, a: { caseId: string; meeting: { id: string; sequence: number }; partyId: string }): Promise<{ id: string } | null> {
  if (await tx.meetingAttendee.findUnique({ where: { meetingId_partyId: { meetingId: a.meeting.id, partyId: a.partyId } }, select: { id: true } })) return null;
  const created = await tx.meetingAttendee.create({ data: { caseId: a.caseId, meetingId: a.meeting.id, partyId: a.partyId }, select: { id: true } });
  await enqueueMeetingInvitations(tx, { meetingId: a.meeting.id, kind: "ADDED", sequence: a.meeting.sequence, partyIds: [a.partyId] });
  return created;
}
