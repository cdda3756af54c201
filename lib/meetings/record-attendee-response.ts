/**
 * Staff record an attendee's answer (coming, might come, not coming) and what they need to take
 * part: an interpreter's language, adjustments. For an LA or ICB representative, also whether they
 * have authority to resolve the issues: that is the party's own record (Party.hasAuthority,
 * the same one the party's page shows), so it is confirmed once for the person. Staff only:
 * none of it goes into anyone's invitation. Audited (needs are personal: the audit keeps only which
 * fields changed).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { parseInput } from "@/lib/platform/validation";
import { caseIdSchema } from "@/lib/cases/store";
import { choice, optionalText, tooLong, yesNo } from "@/lib/cases/fields";
import { PARTY_KINDS_WITH_AUTHORITY, type PartyKindValue } from "@/lib/cases/options";
import { ATTENDEE_LIMITS, ATTENDEE_RESPONSES } from "./wording";
import { findAttendee, findBookedMeeting, meetingIdSchema } from "./attendee-store";

export const attendeeResponseSchema = z.object({
  caseId: caseIdSchema,
  attendeeId: meetingIdSchema,
  response: choice(ATTENDEE_RESPONSES, "Select their answer"),
  interpreterLanguage: optionalText(ATTENDEE_LIMITS.interpreterLanguage, tooLong("The language", ATTENDEE_LIMITS.interpreterLanguage)),
  adjustments: optionalText(ATTENDEE_LIMITS.adjustments, tooLong("The adjustments", ATTENDEE_LIMITS.adjustments)),
  /** Issue 12: who they bring to support them. Not posted (undefined): left as it is. */
  supporterName: optionalText(ATTENDEE_LIMITS.supporterName, tooLong("The supporter's name", ATTENDEE_LIMITS.supporterName)).optional(),
  /** "yes" | "no" | "" (not known); LA and ICB representatives only. */
  hasAuthority: yesNo("Select whether they have authority to resolve the issues", true),
});
export type AttendeeResponseInput = { caseId: string; attendeeId: string; response: string; interpreterLanguage?: string; adjustments?: string; supporterName?: string; hasAuthority?: string };

export async function recordAttendeeResponse(user: SessionUser, input: AttendeeResponseInput, ip: string | null = null, now = new Date()) {
  const v = parseInput(attendeeResponseSchema, input);
  return transaction(async (tx) => {
    const a = await findAttendee(tx, user, v.caseId, v.attendeeId);
    await findBookedMeeting(tx, user, v.caseId, a.meetingId);
    const response = v.response as (typeof ATTENDEE_RESPONSES)[number];
    const data = {
      response,
      respondedAt: response === "INVITED" ? null : response === a.response ? undefined : now,
      interpreterLanguage: v.interpreterLanguage || null,
      adjustments: v.adjustments || null,
      supporterName: input.supporterName === undefined ? a.supporterName : v.supporterName || null,
    };
    // Decision 0020: the latest answer wins, whoever gave it. Staff changing the answer or the
    // needs makes it theirs (the family no longer sees needs as what they told us online); saving
    // the same answer leaves it the family's.
    const changed = data.response !== a.response || data.interpreterLanguage !== a.interpreterLanguage || data.adjustments !== a.adjustments || data.supporterName !== a.supporterName;
    await tx.meetingAttendee.update({ where: { id: a.id }, data: { ...data, ...(changed ? { familyAnsweredAt: null } : {}) } });
    const withAuthority = PARTY_KINDS_WITH_AUTHORITY.includes(a.party.kind as PartyKindValue);
    const hasAuthority = withAuthority ? (v.hasAuthority === "" ? null : v.hasAuthority === "yes") : a.party.hasAuthority;
    if (hasAuthority !== a.party.hasAuthority) await tx.party.update({ where: { id: a.partyId }, data: { hasAuthority } });
    await writeAudit(tx, {
      actor: user,
      action: "meeting.attendee_updated",
      entityType: "Meeting",
      entityId: a.meetingId,
      caseId: v.caseId,
      before: { attendeeId: a.id, partyId: a.partyId, response: a.response, interpreterLanguage: a.interpreterLanguage, adjustments: a.adjustments, supporterName: a.supporterName, hasAuthority: a.party.hasAuthority },
      after: { attendeeId: a.id, partyId: a.partyId, response, interpreterLanguage: data.interpreterLanguage, adjustments: data.adjustments, supporterName: data.supporterName, hasAuthority },
      ip,
    });
    return { caseId: v.caseId, meetingId: a.meetingId };
  });
}
