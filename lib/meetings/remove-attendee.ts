/**
 * Staff take someone off the booked meeting's list (invited by mistake, or no longer coming by
 * everyone's agreement, R-24). Audited; if they had been sent the invitation, a job queued in the
 * same transaction sends them a cancellation of their copy (METHOD:CANCEL).
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { attendeeRefSchema, findAttendee, findBookedMeeting } from "./attendee-store";
import { enqueueMeetingInvitations } from "./send-meeting-invitations";

export type RemoveAttendeeInput = { caseId: string; attendeeId: string };

export async function removeAttendee(user: SessionUser, input: RemoveAttendeeInput, ip: string | null = null) {
  const v = parseInput(attendeeRefSchema, input);
  const removed = await transaction(async (tx) => {
    const a = await findAttendee(tx, user, v.caseId, v.attendeeId);
    const { meeting } = await findBookedMeeting(tx, user, v.caseId, a.meetingId);
    const row = await tx.meetingAttendee.delete({ where: { id: a.id }, select: { invitedAt: true } });
    await writeAudit(tx, {
      actor: user,
      action: "meeting.attendee_removed",
      entityType: "Meeting",
      entityId: a.meetingId,
      caseId: v.caseId,
      before: { attendeeId: a.id, partyId: a.partyId, response: a.response },
      ip,
    });
    if (row.invitedAt !== null) await enqueueMeetingInvitations(tx, { meetingId: a.meetingId, kind: "REMOVED", sequence: meeting.sequence, partyIds: [a.partyId] });
    return { meetingId: a.meetingId, partyId: a.partyId };
  });
  return { caseId: v.caseId, meetingId: removed.meetingId };
}
