/**
 * What the case page adds for the LA officer (issue 12), on their own LA's case (caseScope: any
 * other case is a 404): the joint meeting's date and place, their LA's representatives for it with
 * whether each has authority to resolve the issues and whether they are invited, whether
 * they can still be named or changed, and the signed agreement or outcome statement once it is
 * sealed. Shared facts only: no attendee's needs, no notes, no video link, no
 * other party's contact details, nothing about the mediator's diary.
 */
import "server-only";
import { db } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import { laAttendeeScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import { findCaseOrThrow, toIso } from "@/lib/cases/store";
import { isTerminalStatus, PRE_MEETING } from "@/lib/cases/lifecycle";
import { authorityWarnings, meetingAuthorityWarnings } from "@/lib/cases/parties/authority";
import { withoutRuleIds } from "@/lib/cases/rule-ids";
import { listCaseDocuments } from "@/lib/platform/documents/list-case-documents";
import { meetingWhen, placeName, RESPONSE_LABELS } from "@/lib/meetings/wording";

export type LaRepresentative = {
  partyId: string;
  name: string;
  organisation: string | null;
  email: string | null;
  hasAuthority: boolean | null;
  /** Their answer to the booked meeting's invitation; null when not invited (or no meeting is booked). */
  response: string | null;
};

export async function getLaCaseView(user: SessionUser, caseId: string) {
  authorize(user, "meeting:name-la-attendee");
  const c = await findCaseOrThrow(user, caseId, { id: true, reference: true, kind: true, status: true, version: true, meetingOn: true, heldOn: true });
  const [meeting, reps, documents] = await Promise.all([
    db().meeting.findFirst({
      where: { caseId: c.id, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: { in: ["SCHEDULED", "HELD"] } },
      orderBy: [{ startsAt: "desc" }],
      select: { startsAt: true, endsAt: true, mode: true, status: true, venue: { select: { name: true, address: true } }, attendees: { select: { partyId: true, response: true } } },
    }),
    db().party.findMany({
      where: { AND: [{ caseId: c.id }, laAttendeeScope(user)] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, organisation: true, email: true, hasAuthority: true },
    }),
    listCaseDocuments(user, c.id),
  ]);
  const answered = new Map((meeting?.status === "SCHEDULED" ? meeting.attendees : []).map((a) => [a.partyId, a.response]));
  const representatives: LaRepresentative[] = reps.map((p) => ({
    partyId: p.id,
    name: p.name,
    organisation: p.organisation,
    email: p.email,
    hasAuthority: p.hasAuthority,
    response: answered.has(p.id) ? RESPONSE_LABELS[answered.get(p.id)!] : null,
  }));
  const canName = !isTerminalStatus(c.status) && c.kind !== "ADVICE_ONLY" && PRE_MEETING.includes(c.status);
  // the same warnings staff see, for the LA's side only, in the shared wording (no rule ids).
  const laParties = reps.map((p) => ({ kind: "LA", hasAuthority: p.hasAuthority }));
  const warnings = !canName
    ? []
    : meeting?.status === "SCHEDULED"
      ? meetingAuthorityWarnings({
          kind: c.kind,
          involvesHealthBody: false,
          attendees: reps.filter((p) => answered.has(p.id)).map((p) => ({ kind: "LA", hasAuthority: p.hasAuthority, response: answered.get(p.id)! })),
        })
      : authorityWarnings({ kind: c.kind, hasHealthIssue: false, parties: laParties });
  return {
    caseId: c.id,
    reference: c.reference,
    version: c.version,
    meeting: meeting
      ? {
          held: meeting.status === "HELD",
          when: meetingWhen(meeting.startsAt, meeting.endsAt),
          where: placeName(meeting.mode, meeting.venue?.name),
          address: meeting.mode === "VENUE" ? (meeting.venue?.address ?? null) : null,
        }
      : null,
    /** The meeting date recorded on the case, when no meeting is booked through the app (yet). */
    meetingOn: toIso(c.meetingOn),
    heldOn: toIso(c.heldOn),
    representatives,
    canName,
    warnings: warnings.map(withoutRuleIds),
    /** the sealed agreement or outcome statement in force (SHARED documents only: documentScope). */
    agreements: documents.filter((d) => (d.kind === "AGREEMENT" || d.kind === "OUTCOME_STATEMENT") && d.supersededById === null).map((d) => ({ id: d.id, title: d.title, kindLabel: d.kindLabel, issuedAt: d.issuedAt.toISOString(), href: d.href })),
  };
}

export type LaCaseView = Awaited<ReturnType<typeof getLaCaseView>>;
