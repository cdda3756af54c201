/**
 * Staff invite one more of the case's parties to the booked meeting (R-24: a supporter the family
 * chose, an interpreter, a school once everyone agrees). Audited; a job queued in the same
 * transaction sends them the invitation (the meeting's current SEQUENCE) once it has committed
 * (`inviteParty`, shared with the LA officer naming their LA's attendee).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import type { SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { caseIdSchema } from "@/lib/cases/store";
import { findBookedMeeting, inviteParty, meetingIdSchema } from "./attendee-store";

export const addAttendeeSchema = z.object({
  caseId: caseIdSchema,
  meetingId: meetingIdSchema,
  partyId: z.string({ error: "Choose who to invite" }).trim().min(1, "Choose who to invite").max(200, "Choose who to invite from the list"),
});
export type AddAttendeeInput = z.input<typeof addAttendeeSchema>;

const ALREADY = "They are already invited to this meeting.";

export async function addAttendee(user: SessionUser, input: AddAttendeeInput, ip: string | null = null) {
  const v = parseInput(addAttendeeSchema, input);
  const attendee = await transaction(async (tx) => {
    const { meeting } = await findBookedMeeting(tx, user, v.caseId, v.meetingId);
    const party = await tx.party.findFirst({ where: { id: v.partyId, caseId: v.caseId }, select: { id: true, kind: true } });
    if (!party) fieldError("partyId", "Choose who to invite from the people on this case");
    const a = await inviteParty(tx, { caseId: v.caseId, meeting, partyId: party.id });
    if (!a) fieldError("partyId", ALREADY);
    await writeAudit(tx, { actor: user, action: "meeting.attendee_added", entityType: "Meeting", entityId: meeting.id, caseId: v.caseId, after: { attendeeId: a.id, partyId: party.id, kind: party.kind }, ip });
    return a;
  }).catch((e: unknown) => {
    // The same person added twice at once: the second finds the first's row.
    if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002") fieldError("partyId", ALREADY);
    throw e;
  });
  return { caseId: v.caseId, meetingId: v.meetingId, attendeeId: attendee.id };
}
