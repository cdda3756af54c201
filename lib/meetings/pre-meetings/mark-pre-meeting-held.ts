/**
 * Records that a pre-meeting took place (issue 10), once it has started: the mediator's home then
 * stops listing that party as still to meet. By the allocated mediator, a caseworker or an admin.
 * Only a booked one (not cancelled, not already held). Timeline entry (staff only) and audit row
 * in the same transaction. What was said stays out of both: notes are kept elsewhere.
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

export async function markPreMeetingHeld(user: SessionUser, input: { caseId: string; meetingId: string }, ip: string | null = null, now = new Date()): Promise<void> {
  authorize(user, "meeting:manage", { hide: false });
  const v = parseInput(preMeetingRefSchema, input);
  await transaction(async (tx) => {
    const m = await findPreMeetingOrThrow(tx, user, v.caseId, v.meetingId);
    if (m.status !== "SCHEDULED") throw new DomainError(m.status === "HELD" ? "This pre-meeting is already recorded as held." : "This pre-meeting was cancelled, so it cannot be recorded as held.", "PRE_MEETING_NOT_BOOKED");
    if (m.startsAt > now) throw new DomainError("This pre-meeting has not started yet: record it as held once it has taken place.", "PRE_MEETING_NOT_STARTED");
    // Only if it is still booked now (a second click, or someone else, may have got there first).
    const r = await tx.meeting.updateMany({ where: { id: m.id, status: "SCHEDULED" }, data: { status: "HELD", sequence: { increment: 1 } } });
    if (r.count === 0) throw new DomainError("This pre-meeting has just been changed by someone else. Check it as it is now.", "CONFLICT");
    await recordEvent(tx, { caseId: v.caseId, actorId: user.id, type: "PRE_MEETING_HELD", summary: `Pre-meeting held: ${describePreMeeting(m)}`, data: { meetingId: m.id, partyId: m.party?.id ?? null } });
    await writeAudit(tx, { actor: user, action: "pre_meeting.held", entityType: "Meeting", entityId: m.id, caseId: v.caseId, before: { status: "SCHEDULED" }, after: { status: "HELD" }, ip });
  });
}
