/** Issue 10: the pure parts of invitations — the words, the .ics, who is invited by default, and cancelling in the lifecycle. */
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { invitationMessage, mailbox, type InvitationMeeting } from "@/lib/meetings/invitation-email";
import { invitedByDefault } from "@/lib/meetings/default-attendees";
import { meetingWhen } from "@/lib/meetings/wording";
import { londonInstant } from "@/lib/meetings/london-time";
import { planTransition, type CaseSnapshot } from "@/lib/cases/lifecycle";

const contact = { organizer: { name: "SEND Mediation", email: "no-reply@send-mediation.local" }, phone: null };
const meeting = (over: Partial<InvitationMeeting> = {}): InvitationMeeting => ({
  id: "m1",
  sequence: 0,
  startsAt: londonInstant("2026-10-23", 600),
  endsAt: londonInstant("2026-10-23", 750),
  caseReference: "SM-2026-00042",
  caseKind: "MEDIATION",
  mode: "VIDEO",
  videoLink: "https://video.example/room",
  venue: null,
  mediatorName: "Mina Mediator",
  attendees: [
    { partyId: "p-parent", kind: "PARENT", response: "INVITED" },
    { partyId: "p-la", kind: "LA", response: "ACCEPTED" },
    { partyId: "p-int-1", kind: "INTERPRETER", response: "INVITED" },
    { partyId: "p-int-2", kind: "INTERPRETER", response: "INVITED" },
    { partyId: "p-supporter", kind: "SUPPORTER", response: "DECLINED" },
  ],
  ...over,
});
const toParent = { partyId: "p-parent", name: "Jane Family", email: "jane@family.example" };
const dtstart = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!).startDate.toString();

describe("invitation words and .ics", () => {
  it("writes 10:00 London as UTC on either side of the clocks going back (25 October 2026)", () => {
    const bst = invitationMessage(meeting(), toParent, "BOOKED", contact);
    expect(dtstart(bst.calendar.content)).toBe("2026-10-23T09:00:00Z");
    const gmt = invitationMessage(meeting({ startsAt: londonInstant("2026-10-27", 600), endsAt: londonInstant("2026-10-27", 750) }), toParent, "BOOKED", contact);
    expect(dtstart(gmt.calendar.content)).toBe("2026-10-27T10:00:00Z");
    expect(meetingWhen(londonInstant("2026-12-08", 600), londonInstant("2026-12-08", 750))).toBe("Tuesday 8 December 2026, 10:00 to 12:30");
  });

  it("lists the others by role (counted, not those who are not coming), then the mediator; gives the video link; says how to ask for adjustments", () => {
    const m = invitationMessage(meeting(), toParent, "BOOKED", contact);
    expect(m.body).toContain("Who else is invited\n- Local authority representative\n- Interpreter (2)\n- The mediator, Mina Mediator\n");
    expect(m.body).not.toContain("Supporter");
    expect(m.body).toContain("Join with this link: https://video.example/room");
    expect(m.body).toContain("please tell us as soon as you can: reply to this email.");
    expect(m.calendar).toMatchObject({ method: "REQUEST" });
    const phone = invitationMessage(meeting({ mode: "PHONE", videoLink: null }), toParent, "BOOKED", { ...contact, phone: "0300 123 4567" });
    expect(phone.body).toContain("Where: by phone.");
    expect(phone.body).toContain("reply to this email, or phone us on 0300 123 4567.");
  });

  it("words a cancellation and a removal as such, with METHOD:CANCEL", () => {
    const c = invitationMessage(meeting({ sequence: 3 }), toParent, "CANCELLED", contact);
    expect(c.subject).toBe("Cancelled: mediation meeting on Friday 23 October 2026, 10:00 to 12:30 (reference SM-2026-00042)");
    expect(c.calendar.method).toBe("CANCEL");
    expect(c.calendar.content).toContain("METHOD:CANCEL");
    expect(c.calendar.content).toContain("SEQUENCE:3");
    const r = invitationMessage(meeting(), toParent, "REMOVED", contact);
    expect(r.body).toContain("You no longer need to come to the mediation meeting on Friday 23 October 2026");
    expect(r.calendar.method).toBe("CANCEL");
  });

  it("reads the organizer from MAIL_FROM", () => {
    expect(mailbox("SEND Mediation <no-reply@send-mediation.local>")).toEqual({ name: "SEND Mediation", email: "no-reply@send-mediation.local" });
    expect(mailbox("office@provider.example")).toEqual({ name: "SEND Mediation", email: "office@provider.example" });
  });
});

describe("who is invited by default (R-24)", () => {
  it("everyone who has not declined, but a school only in disagreement resolution", () => {
    expect(invitedByDefault("MEDIATION", { kind: "PARENT", consent: "GIVEN" })).toBe(true);
    expect(invitedByDefault("MEDIATION", { kind: "LA", consent: "PENDING" })).toBe(true);
    expect(invitedByDefault("MEDIATION", { kind: "INTERPRETER", consent: "PENDING" })).toBe(true);
    expect(invitedByDefault("MEDIATION", { kind: "SUPPORTER", consent: "DECLINED" })).toBe(false);
    expect(invitedByDefault("MEDIATION", { kind: "SCHOOL", consent: "GIVEN" })).toBe(false);
    expect(invitedByDefault("DRS", { kind: "SCHOOL", consent: "GIVEN" })).toBe(true);
  });
});

describe("cancelling the joint meeting in the lifecycle", () => {
  const snap: CaseSnapshot = { id: "c1", kind: "MEDIATION", status: "MEETING_SCHEDULED", allocatedMediatorId: "u-med", hasHealthIssue: false, parties: [] };
  it("goes back to Preparing, needs a reason, and keeps it out of the shared timeline entry (R-80)", () => {
    const actor = { id: "u-med", role: "MEDIATOR" as const };
    expect(planTransition(snap, "cancelMeeting", actor, {})).toMatchObject({ ok: false, code: "MISSING_INPUT", field: "reason" });
    const p = planTransition(snap, "cancelMeeting", actor, { reason: "The mediator is ill" });
    expect(p).toMatchObject({ ok: true, to: "PREPARING", event: { type: "MEETING_CANCELLED", sharedSummary: "Joint meeting cancelled", summary: "Joint meeting cancelled: The mediator is ill" } });
    expect(planTransition({ ...snap, status: "PREPARING" }, "cancelMeeting", actor, { reason: "x" })).toMatchObject({ ok: false, code: "NOT_ALLOWED_FROM_STATUS" });
  });
});
