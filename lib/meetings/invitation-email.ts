/**
 * The email (and its .ics) each attendee receives when the meeting is booked, moved or cancelled,
 * or when they are added or taken off the list (issue 10). Plain English: what, when (Europe/London
 * wall clock, R-63), where with the venue's access details, who else is invited (by role, never by
 * name or address), and how to ask for adjustments.
 *
 * R-80: built only from the fields of `InvitationMeeting`, none of which is staff-only: no staff
 * notes, no one's access needs or adjustments, no consent notes, no reasons (a late booking's, a
 * cancellation's). Pure.
 */
import { PARTY_KIND_LABELS, type PartyKindValue } from "@/lib/cases/options";
import type { MeetingMode } from "@/lib/platform/db/generated/enums";
import { accessLines, meetingWhen } from "./wording";
import { invitationIcs, type IcsMeeting } from "./invitation-ics";

/** Why invitations are sent: the meeting was booked, moved or cancelled; someone was added or taken off. */
export type InvitationKind = "BOOKED" | "MOVED" | "CANCELLED" | "ADDED" | "REMOVED";

/** The iCalendar METHOD of each kind: a cancellation for the cancelled meeting and for someone taken off. */
export function methodOf(kind: InvitationKind): "REQUEST" | "CANCEL" {
  return kind === "CANCELLED" || kind === "REMOVED" ? "CANCEL" : "REQUEST";
}

export type InvitationMeeting = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  caseReference: string;
  caseKind: string;
  mode: MeetingMode;
  videoLink: string | null;
  venue: { name: string; address: string; stepFreeAccess: boolean; hearingLoop: boolean; parking: boolean; notes: string | null } | null;
  mediatorName: string | null;
  /** Everyone invited: their party and role, and their answer (those not coming are not listed to others). */
  attendees: readonly { partyId: string; kind: string; response: string }[];
};

export type InvitationRecipient = { partyId: string; name: string; email: string };

/** How people reach the service: replies go to the sender; a phone number when the deployment sets one. */
export type InvitationContact = { organizer: { name: string; email: string }; phone: string | null };

export type InvitationMessage = { to: string; subject: string; body: string; calendar: { method: "REQUEST" | "CANCEL"; content: string } };

const meetingName = (caseKind: string) => (caseKind === "DRS" ? "disagreement resolution meeting" : "mediation meeting");
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function whatText(caseKind: string): string {
  return caseKind === "DRS"
    ? "a meeting with everyone involved in the disagreement, led by an independent facilitator, to talk it through and agree what happens next."
    : "a meeting with the family and the local authority, led by an independent mediator, to try to settle the disagreement. Taking part is free.";
}

function whereLines(m: InvitationMeeting): string[] {
  if (m.mode === "VENUE" && m.venue) return [`Where: ${m.venue.name}, ${m.venue.address}`, "", "Getting in", ...accessLines(m.venue)];
  if (m.mode === "VIDEO") return [`Where: by video call. Join with this link: ${m.videoLink ?? "we will send you the link before the meeting"}`];
  return ["Where: by phone. We will tell you how to join the call before the meeting."];
}

/** The calendar's one-line location. */
function location(m: InvitationMeeting): string {
  if (m.mode === "VENUE" && m.venue) return `${m.venue.name}, ${m.venue.address}`;
  if (m.mode === "VIDEO") return m.videoLink ?? "Video call";
  return "Phone call";
}

/** Everyone else invited, by role ("Local authority representative", "Interpreter (2)"), then the mediator. */
export function othersInvited(m: InvitationMeeting, recipientPartyId: string): string[] {
  const counts = new Map<string, number>();
  for (const a of m.attendees) {
    if (a.partyId === recipientPartyId || a.response === "DECLINED") continue;
    const role = PARTY_KIND_LABELS[a.kind as PartyKindValue] ?? a.kind;
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  const lines = [...counts].map(([role, n]) => (n > 1 ? `${role} (${n})` : role));
  const facilitator = m.caseKind === "DRS" ? "The facilitator" : "The mediator";
  lines.push(m.mediatorName ? `${facilitator}, ${m.mediatorName}` : facilitator);
  return lines;
}

function adjustmentsText(contact: InvitationContact): string {
  return `reply to this email${contact.phone ? `, or phone us on ${contact.phone}` : ""}`;
}

export function invitationMessage(m: InvitationMeeting, to: InvitationRecipient, kind: InvitationKind, contact: InvitationContact): InvitationMessage {
  const name = meetingName(m.caseKind);
  const when = meetingWhen(m.startsAt, m.endsAt);
  const ref = `reference ${m.caseReference}`;
  const method = methodOf(kind);
  const ask = adjustmentsText(contact);
  let subject: string;
  let body: string[];
  if (kind === "CANCELLED") {
    subject = `Cancelled: ${name} on ${when} (${ref})`;
    body = [
      `Hello ${to.name},`,
      "",
      `The ${name} on ${when} (${ref}) has been cancelled. We will be in touch about what happens next.`,
      "",
      `If you have any questions, ${ask}.`,
      "",
      "The cancellation attached removes the meeting from your calendar.",
    ];
  } else if (kind === "REMOVED") {
    subject = `You no longer need to come: ${name} on ${when} (${ref})`;
    body = [
      `Hello ${to.name},`,
      "",
      `You no longer need to come to the ${name} on ${when} (${ref}).`,
      "",
      `If you think this is a mistake, ${ask}.`,
      "",
      "The cancellation attached removes the meeting from your calendar.",
    ];
  } else {
    const moved = kind === "MOVED";
    subject = moved ? `Moved: ${name}, now on ${when} (${ref})` : `Invitation: ${name} on ${when} (${ref})`;
    body = [
      `Hello ${to.name},`,
      "",
      moved
        ? `The ${name} (${ref}) has moved. The new time and place are below: please use these instead of the ones in the earlier invitation.`
        : `You are invited to a ${name} (${ref}).`,
      "",
      `What: ${whatText(m.caseKind)}`,
      `When: ${when} (UK time)`,
      ...whereLines(m),
      "",
      "Who else is invited",
      ...othersInvited(m, to.partyId).map((l) => `- ${l}`),
      "",
      "If you need help to take part",
      `If you need an interpreter, step-free access, a break, papers in another format or any other adjustment, please tell us as soon as you can: ${ask}. If you cannot come, please tell us the same way.`,
      "",
      "The invitation attached adds the meeting to your calendar.",
    ];
  }
  const ics = calendarEvent(m, kind, contact);
  return { to: to.email, subject, body: body.join("\n"), calendar: { method, content: invitationIcs(ics, { name: to.name, email: to.email }, method) } };
}

/**
 * The calendar event of an invitation: the same UID, SEQUENCE, times, title and place whether it
 * is emailed or downloaded from the family's meeting page (issue 12, `via: "download"`, whose
 * description points to the page instead of the email). R-80: shared facts only.
 */
export function calendarEvent(m: InvitationMeeting, kind: InvitationKind, contact: InvitationContact, via: "email" | "download" = "email"): IcsMeeting {
  const name = meetingName(m.caseKind);
  const ask = adjustmentsText(contact);
  const howToAsk = via === "email" ? ask.replace("this email", "the email this invitation came with") : `tell us on your case's meeting page online${contact.phone ? `, or phone us on ${contact.phone}` : ""}`;
  return {
    id: m.id,
    sequence: m.sequence,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    title: `${capitalised(name)} (${m.caseReference})`,
    location: location(m),
    description:
      kind === "CANCELLED"
        ? `This ${name} has been cancelled.`
        : kind === "REMOVED"
          ? `You no longer need to come to this ${name}.`
          : `${capitalised(name)}, reference ${m.caseReference}. To ask for an interpreter or any other adjustment, ${howToAsk}.`,
    organizer: contact.organizer,
  };
}

/** "SEND Mediation <no-reply@example>" → its name and address (the calendar's organizer). */
export function mailbox(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (m) return { name: m[1]!.trim() || "SEND Mediation", email: m[2]!.trim() };
  return { name: "SEND Mediation", email: from.trim() };
}
