/**
 * R-24 (issue 12): the LA officer names who will represent their local authority at the meeting
 * and confirms whether that person has authority to resolve the issues — a new LA representative,
 * or a change to one already on the case. Their own LA's cases only (caseScope: another LA's case
 * is a 404), LA representatives only (laAttendeeScope: any other party is a 404), before the
 * meeting is held. If the joint (or DRS) meeting is booked, a new representative is invited to it
 * and sent the invitation once the change has committed (./attendee-store.ts `inviteParty`, as
 * staff adding an attendee do). The case's version is checked and bumped; audited; nothing is
 * written on a refusal.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { laAttendeeScope } from "@/lib/auth/scope";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { writeAudit } from "@/lib/platform/audit";
import { DomainError } from "@/lib/platform/errors";
import { parseInput } from "@/lib/platform/validation";
import { LIMITS, optionalEmail, organisationField, requiredText, tooLong, yesNo } from "@/lib/cases/fields";
import { PRE_MEETING } from "@/lib/cases/lifecycle";
import { recordEvent } from "@/lib/cases/timeline";
import { bumpVersion, caseCommandSchema, findOpenCaseForUpdate } from "@/lib/cases/store";
import { inviteParty } from "./attendee-store";

export const laAttendeeSchema = z.object({
  /** "" (or absent): a new representative; otherwise the LA representative to change. */
  partyId: z.string().trim().max(200).optional().default(""),
  name: requiredText(LIMITS.name, "Enter the name of the person who will attend", tooLong("The name", LIMITS.name)),
  organisation: organisationField,
  email: optionalEmail(tooLong("The email address", LIMITS.email)),
  /** asked, never assumed. */
  hasAuthority: yesNo("Select whether they have authority to resolve the issues"),
});
export type LaAttendeeInput = { partyId?: string; name?: string; organisation?: string; email?: string; hasAuthority?: string };

export const LA_ATTENDEE_FIELDS = ["name", "organisation", "email", "hasAuthority"] as const;

export const TOO_LATE = "The meeting has taken place, so the local authority's attendee can no longer be changed.";

export async function nameLaAttendee(user: SessionUser, caseId: string, expectedVersion: number | string, input: LaAttendeeInput, ip: string | null = null) {
  authorize(user, "meeting:name-la-attendee");
  const ref = parseInput(caseCommandSchema, { caseId, expectedVersion });
  const v = parseInput(laAttendeeSchema, input, { order: LA_ATTENDEE_FIELDS });
  return transaction(async (tx) => {
    const c = await findOpenCaseForUpdate(tx, user, ref.caseId, ref.expectedVersion, { kind: true });
    if (c.kind === "ADVICE_ONLY" || !PRE_MEETING.includes(c.status)) throw new DomainError(TOO_LATE, "MEETING_HELD");
    const data = { name: v.name, organisation: v.organisation || null, email: v.email ? v.email.toLowerCase() : null, hasAuthority: v.hasAuthority === "yes" };

    let partyId: string;
    let before: Record<string, unknown> | null = null;
    if (v.partyId) {
      const p = await tx.party.findFirst({ where: { AND: [{ id: v.partyId, caseId: c.id }, laAttendeeScope(user)] }, select: { id: true, name: true, organisation: true, email: true, hasAuthority: true } });
      if (!p) throw new NotFoundError("LA representative");
      await tx.party.update({ where: { id: p.id }, data });
      partyId = p.id;
      before = { name: p.name, organisation: p.organisation, email: p.email, hasAuthority: p.hasAuthority };
    } else {
      partyId = (await tx.party.create({ data: { caseId: c.id, kind: "LA", ...data }, select: { id: true } })).id;
    }
    const version = await bumpVersion(tx, c.id, ref.expectedVersion);

    // The booked meeting: a representative not invited yet is invited now.
    const meeting = await tx.meeting.findFirst({ where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" }, select: { id: true, sequence: true } });
    const invited = meeting ? await inviteParty(tx, { caseId: c.id, meeting, partyId }) : null;

    await recordEvent(tx, {
      caseId: c.id,
      actorId: user.id,
      type: "LA_ATTENDEE_NAMED",
      summary: `The local authority ${before ? "changed" : "named"} its representative for the meeting${data.hasAuthority ? ", with authority to resolve the issues" : ", without authority to resolve the issues"}`,
      rule: "R-24",
      visibility: "SHARED",
      data: { partyId },
    });
    await writeAudit(tx, {
      actor: user,
      action: "meeting.la_attendee_named",
      entityType: "Party",
      entityId: partyId,
      caseId: c.id,
      before: before ? { version: ref.expectedVersion, ...before } : { version: ref.expectedVersion },
      after: { version, kind: "LA", ...data, meetingId: meeting?.id ?? null, invited: invited !== null },
      ip,
    });
    return { caseId: c.id, partyId, version, invitedTo: invited ? meeting!.id : null };
  });
}
