/**
 * The family's answer to the joint meeting's invitation (issue 12), in their words: "I can come",
 * "I can't come", "I need something" (an interpreter, adjustments, a supporter). Stored on their
 * own MeetingAttendee row with the words staff use (decision 0020): "I need something" is
 * ACCEPTED with at least one need. Pure and client-safe.
 */
import type { AttendeeResponse } from "@/lib/platform/db/generated/enums";

export const FAMILY_ANSWERS = ["COMING", "NOT_COMING", "NEEDS"] as const;
export type FamilyAnswer = (typeof FAMILY_ANSWERS)[number];

export const FAMILY_ANSWER_LABELS: Record<FamilyAnswer, string> = {
  COMING: "I can come",
  NOT_COMING: "I can't come",
  NEEDS: "I need something",
};

export const FAMILY_ANSWER_HINTS: Record<FamilyAnswer, string> = {
  COMING: "I do not need anything to help me take part.",
  NOT_COMING: "We will contact you to talk about what happens next.",
  NEEDS: "For example an interpreter, breaks, or someone to support you.",
};

export type FamilyNeeds = { interpreterLanguage: string | null; adjustments: string | null; supporterName: string | null };

export const hasNeeds = (n: FamilyNeeds) => !!(n.interpreterLanguage || n.adjustments || n.supporterName);

/** The stored answer of a family answer. */
export function responseOf(answer: FamilyAnswer): AttendeeResponse {
  return answer === "NOT_COMING" ? "DECLINED" : "ACCEPTED";
}

/** The family answer a stored answer reads as (null: none the family form can show, e.g. "might come"). */
export function familyAnswerOf(response: AttendeeResponse, needs: FamilyNeeds): FamilyAnswer | null {
  if (response === "DECLINED") return "NOT_COMING";
  if (response === "ACCEPTED") return hasNeeds(needs) ? "NEEDS" : "COMING";
  return null;
}

/** An answer staff noted for the family (by phone, by email), said back to them without the staff's words. */
export const NOTED_RESPONSE_TEXT: Record<AttendeeResponse, string | null> = {
  INVITED: null,
  ACCEPTED: "We have noted that you can come.",
  TENTATIVE: "We have noted that you might be able to come.",
  DECLINED: "We have noted that you cannot come.",
};
