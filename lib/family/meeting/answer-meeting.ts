/**
 * The family answers the joint meeting's invitation themselves (issue 12): "I can come", "I can't
 * come" or "I need something" (an interpreter's language, adjustments, the name of a supporter
 * they bring). Written on their OWN attendee row only — the invitee whose party is linked to the
 * signed-in user (Party.userId) on a case in their scope; anyone else's row, a case outside the
 * scope, or a family user who is not invited: 404. The meeting must still be booked and the case
 * open. The row then shows on the staff meeting page like an answer staff recorded, marked as
 * given online (familyAnsweredAt): the latest answer wins, whoever gave it (decision 0020).
 *
 * Audited in the same transaction (the needs are personal: the audit keeps only which changed).
 * The same answer posted twice (a double click, Back and post again) changes nothing and writes
 * no second audit row.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { assertCaseOpen, caseIdSchema, findCaseOrThrow } from "@/lib/cases/store";
import { choice, optionalText } from "@/lib/cases/fields";
import { ATTENDEE_LIMITS } from "@/lib/meetings/wording";
import { FAMILY_ANSWERS, responseOf, type FamilyAnswer, type FamilyNeeds } from "./family-answer";
import { JOINT_KINDS } from "./get-family-meeting";

export const NO_MEETING_TO_ANSWER = "There is no meeting booked at the moment, so your answer was not saved. We will contact you about a new date.";
export const NEEDS_MISSING = "Tell us what you need: an interpreter, something that would help you take part, or the name of the person supporting you";

export const familyAnswerSchema = z
  .object({
    caseId: caseIdSchema,
    answer: choice(FAMILY_ANSWERS, "Select whether you can come, or tell us what you need"),
    interpreterLanguage: optionalText(ATTENDEE_LIMITS.interpreterLanguage, `The language must be ${ATTENDEE_LIMITS.interpreterLanguage} characters or fewer`),
    adjustments: optionalText(ATTENDEE_LIMITS.adjustments, `What would help you must be ${ATTENDEE_LIMITS.adjustments} characters or fewer`),
    supporterName: optionalText(ATTENDEE_LIMITS.supporterName, `Their name must be ${ATTENDEE_LIMITS.supporterName} characters or fewer`),
  })
  .superRefine((v, ctx) => {
    if (v.answer === "NEEDS" && !v.interpreterLanguage && !v.adjustments && !v.supporterName) ctx.addIssue({ code: "custom", path: ["interpreterLanguage"], message: NEEDS_MISSING });
  });
export type FamilyAnswerInput = { caseId: string; answer: string; interpreterLanguage?: string; adjustments?: string; supporterName?: string };

export type FamilyAnswerResult = { caseId: string; meetingId: string; answer: FamilyAnswer; changed: boolean };

export async function answerMeeting(user: SessionUser, input: FamilyAnswerInput, ip: string | null = null, now = new Date()): Promise<FamilyAnswerResult> {
  authorize(user, "meeting:respond");
  const v = parseInput(familyAnswerSchema, input);
  const answer = v.answer as FamilyAnswer;
  // The needs go with "I need something" only: what was typed under another answer is not kept.
  const needs: FamilyNeeds =
    answer === "NEEDS" ? { interpreterLanguage: v.interpreterLanguage || null, adjustments: v.adjustments || null, supporterName: v.supporterName || null } : { interpreterLanguage: null, adjustments: null, supporterName: null };
  return transaction(async (tx) => {
    const c = await findCaseOrThrow(user, v.caseId, { id: true, status: true }, tx);
    const meeting = await tx.meeting.findFirst({ where: { caseId: c.id, kind: { in: [...JOINT_KINDS] }, status: "SCHEDULED" }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: { id: true } });
    if (!meeting) throw new DomainError(NO_MEETING_TO_ANSWER, "MEETING_NOT_BOOKED");
    // Their own invitation only (the party linked to them): never another attendee's row.
    const a = await tx.meetingAttendee.findFirst({
      where: { meetingId: meeting.id, caseId: c.id, party: { userId: user.id } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, partyId: true, response: true, familyAnsweredAt: true, interpreterLanguage: true, adjustments: true, supporterName: true },
    });
    if (!a) throw new NotFoundError("attendee");
    assertCaseOpen(c.status);
    const response = responseOf(answer);
    const same =
      a.familyAnsweredAt !== null && a.response === response && a.interpreterLanguage === needs.interpreterLanguage && a.adjustments === needs.adjustments && a.supporterName === needs.supporterName;
    if (same) return { caseId: c.id, meetingId: meeting.id, answer, changed: false };
    await tx.meetingAttendee.update({
      where: { id: a.id },
      data: { response, respondedAt: response === a.response ? undefined : now, ...needs, familyAnsweredAt: now },
    });
    await writeAudit(tx, {
      actor: user,
      action: "meeting.attendee_updated",
      entityType: "Meeting",
      entityId: meeting.id,
      caseId: c.id,
      before: { attendeeId: a.id, partyId: a.partyId, response: a.response, interpreterLanguage: a.interpreterLanguage, adjustments: a.adjustments, supporterName: a.supporterName },
      after: { attendeeId: a.id, partyId: a.partyId, response, ...needs, answeredBy: "FAMILY", familyAnswer: answer },
      ip,
    });
    return { caseId: c.id, meetingId: meeting.id, answer, changed: true };
  });
}
