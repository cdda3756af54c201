/**
 * Cancels a booked pre-meeting (issue 10): the time is free again in the mediator's diary and "find
 * a time" offers it. By the allocated mediator, a caseworker or an admin. To change the time,
 * cancel and book again. Timeline entry (staff only) and audit row in the same transaction.
 */
import "server-only";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { recordEvent } from "@/lib/cases/timeline";
import { preMeetingRefSchema } from "./pre-meeting-schema";
import { describePreMeeting, findPreMeetingOrThrow } from "./store";

export async function cancelPreMeeting(user: SessionUser, input: { caseId: string; meetingId: string }, ip: string | null = null): Promise<void> {
  authorize(user, "meeting:manage", { hide: false });
  const v = parseInput(preMeetingRefSchema, input);
  await transaction(async (tx) => {
    const m = await findPreMeetingOrThrow(tx, user, v.caseId, v.meetingId);
    if (m.status !== "SCHEDULED") throw new DomainError(m.status === "HELD" ? "This pre-meeting has been held, so it cannot be cancelled." : "This pre-meeting is already cancelled.", "PRE_MEETING_NOT_BOOKED");
    const r = await tx.meeting.updateMany({ where: { id: m.id, status: "SCHEDULED" }, data: { status: "CANCELLED", sequence: { increment: 1 } } });
    if (r.count === 0) throw new DomainError("This pre-meeting has just been changed by someone else. Check it as it is now.", "CONFLICT");
    await recordEvent(tx, { caseId: v.caseId, actorId: user.id, type: "PRE_MEETING_CANCELLED", summary: `Pre-meeting cancelled: ${describePreMeeting(m)}`, data: { meetingId: m.id, partyId: m.party?.id ?? null } });
    await writeAudit(tx, { actor: user, action: "pre_meeting.cancelled", entityType: "Meeting", entityId: m.id, caseId: v.caseId, before: { status: "SCHEDULED" }, after: { status: "CANCELLED" }, ip });
  });
}
