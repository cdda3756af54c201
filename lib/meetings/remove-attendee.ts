/**
 * Staff take someone off the booked meeting's list (invited by mistake, or no longer coming by
 * everyone's agreement, R-24). Audited; the returned `followUp` sends them a cancellation of their
 * copy (METHOD:CANCEL) if they had been sent the invitation.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { attendeeRefSchema, findAttendee, findBookedMeeting } from "./attendee-store";
import { invitationsFollowUp } from "./send-meeting-invitations";

export type RemoveAttendeeInput = { caseId: string; attendeeId: string };

export async function removeAttendee(user: SessionUser, input: RemoveAttendeeInput, ip: string | null = null) {
  const v = parseInput(attendeeRefSchema, input);
  const removed = await transaction(async (tx) => {
    const a = await findAttendee(tx, user, v.caseId, v.attendeeId);
    await findBookedMeeting(tx, user, v.caseId, a.meetingId);
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
    return { meetingId: a.meetingId, partyId: a.partyId, wasSent: row.invitedAt !== null };
  });
  return {
    caseId: v.caseId,
    meetingId: removed.meetingId,
    followUp: removed.wasSent ? invitationsFollowUp(removed.meetingId, "REMOVED", [removed.partyId]) : async () => {},
  };
}
