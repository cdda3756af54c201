/**
 * Cancels the case's joint meeting (issue 10), after the confirmation step: the lifecycle's
 * "cancel meeting" (back to Preparing so it can be booked again, Case.meetingOn emptied because it
 * is derived from the joint meeting, a shared timeline entry without the reason, R-80) and, in the
 * same transaction, the meeting itself: CANCELLED, its SEQUENCE raised, a history row with the
 * reason and who cancelled it, an audit row, and the job that sends everyone invited the
 * cancellation (METHOD:CANCEL) once it has committed.
 *
 * A meeting date recorded before meetings were booked here has no meeting row: then only the
 * lifecycle step is done, and nobody is sent anything (nobody was sent an invitation).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { MAX_TRANSITION_TEXT } from "@/lib/cases/lifecycle";
import { caseCommandSchema } from "@/lib/cases/store";
import { applyTransition, type TransitionResult } from "@/lib/cases/transition/apply-transition";
import { recordMeetingChange } from "./history";
import { enqueueMeetingInvitations } from "./send-meeting-invitations";
import { placeName } from "./wording";

export const cancelJointMeetingSchema = caseCommandSchema.extend({
  // Checked (filled in, at most MAX_TRANSITION_TEXT) by the lifecycle's row, with its own message.
  reason: z.string().max(MAX_TRANSITION_TEXT * 2).optional().default(""),
});
export type CancelJointMeetingInput = z.input<typeof cancelJointMeetingSchema>;

export type CancelResult = TransitionResult & { meetingId: string | null };

export async function cancelJointMeeting(user: SessionUser, input: CancelJointMeetingInput, ip: string | null = null): Promise<CancelResult> {
  const v = parseInput(cancelJointMeetingSchema, input);
  authorize(user, "case:transition", { hide: false });
  let meetingId: string | null = null;
  const r = await transaction((tx) =>
    // The meeting is changed before the lifecycle writes its own audit row, so that row is the
    // case's last: the same confirmation posted twice is then recognised as already done.
    applyTransition(tx, user, v.caseId, "cancelMeeting", v.expectedVersion, { reason: v.reason }, ip, async (plan) => {
      const m = await tx.meeting.findFirst({
        where: { caseId: v.caseId, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" },
        select: { id: true, startsAt: true, endsAt: true, sequence: true, mode: true, venue: { select: { name: true } } },
      });
      if (!m) return;
      meetingId = m.id;
      const sequence = m.sequence + 1;
      await tx.meeting.update({ where: { id: m.id }, data: { status: "CANCELLED", sequence } });
      const reason = String(plan.record.reason);
      await recordMeetingChange(tx, {
        caseId: v.caseId,
        meetingId: m.id,
        kind: "CANCELLED",
        from: { startsAt: m.startsAt, endsAt: m.endsAt, place: placeName(m.mode, m.venue?.name) },
        to: null,
        sequence,
        actorId: user.id,
        reason,
      });
      await writeAudit(tx, {
        actor: user,
        action: "meeting.cancelled",
        entityType: "Meeting",
        entityId: m.id,
        caseId: v.caseId,
        before: { status: "SCHEDULED", sequence: m.sequence, startsAt: m.startsAt.toISOString() },
        after: { status: "CANCELLED", sequence, reason },
        ip,
      });
      await enqueueMeetingInvitations(tx, { meetingId: m.id, kind: "CANCELLED", sequence });
    }),
  );
  const cancelled = r.alreadyDone ? null : meetingId;
  return { ...r, meetingId: cancelled };
}
