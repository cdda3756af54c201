/**
 * Issue 10: who is invited to the joint meeting, the .ics invitations through the outbox (parsed
 * back with ical.js), moving and cancelling with history, R-24 authority warnings, who may change
 * the list (404 for everyone else), and R-80: no staff-only text in any invitation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { db } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { cancelJointMeeting } from "@/lib/meetings/cancel-joint-meeting";
import { addAttendee } from "@/lib/meetings/add-attendee";
import { removeAttendee } from "@/lib/meetings/remove-attendee";
import { recordAttendeeResponse } from "@/lib/meetings/record-attendee-response";
import { getJointMeeting } from "@/lib/meetings/get-joint-meeting";
import { getAttendee } from "@/lib/meetings/get-attendee";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { sendMeetingInvitations } from "@/lib/meetings/send-meeting-invitations";
import { deliverOutboxEmail } from "@/lib/platform/outbox/deliver-outbox-email";
import { runInvitationJobs } from "./invitation-jobs";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { meetingAuthorityWarnings } from "@/lib/cases/parties/authority";
import type { PartyKind } from "@/lib/platform/db";
import { caseworker, fieldError, la, laOfficer, makeCase, mediator2, parentUser, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";
import { startCaptureSmtp } from "../smtp";

setUpCaseFixtures();

// A Friday in GMT, and the Tuesday after the clocks go forward (BST, UTC+1) on 28 March 2027.
const GMT_DAY = "2027-03-26";
const BST_DAY = "2027-03-30";

type Parsed = { method: string; uid: string; sequence: number; start: string; end: string; status: string | null; location: string | null; description: string | null; attendees: string[] };

/** An .ics parsed back with ical.js. */
function parseIcs(text: string): Parsed {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const ev = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: ev.uid,
    sequence: ev.sequence,
    start: ev.startDate.toString(),
    end: ev.endDate.toString(),
    status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
    location: ev.location,
    description: ev.description,
    attendees: vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue())),
  };
}

const outbox = (caseId: string) => db().outboxEmail.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const newSince = async (caseId: string, seen: number) => (await outbox(caseId)).slice(seen);

type Fixture = { caseId: string; mediator: SessionUser; venueId: string; parties: Record<string, { id: string; email: string | null }> };

/**
 * A mediation case allocated to its own mediator (so bookings never clash between tests), with
 * no 30-day clock (any future date may be booked), a venue, and every kind of party: the parent
 * (agreed), the LA representative, a supporter, an interpreter with no email, and a school.
 */
async function bookableCase(opts: { issues?: ("EDUCATION" | "HEALTH")[]; marker?: string } = {}): Promise<Fixture> {
  const med = await makeUser("MEDIATOR", { name: `Mo Mediator ${uid()}` });
  const tag = uid();
  const specs: { kind: PartyKind; name: string; email: string | null; consent?: "GIVEN" }[] = [
    { kind: "PARENT", name: "Jane Family", email: `jane-${tag}@family.example`, consent: "GIVEN" },
    { kind: "LA", name: "Lee Officer", email: `lee-${tag}@la.example` },
    { kind: "SUPPORTER", name: "Sam Supporter", email: `sam-${tag}@sendiass.example` },
    { kind: "INTERPRETER", name: "Ilona Interpreter", email: null },
    { kind: "SCHOOL", name: "Oak School", email: `office-${tag}@school.example` },
    ...(opts.issues?.includes("HEALTH") ? [{ kind: "HEALTH" as const, name: "Hana Health", email: `hana-${tag}@icb.example` }] : []),
  ];
  const c = await makeCase({
    status: "ALLOCATED",
    mediatorId: med.id,
    issues: opts.issues ?? ["EDUCATION"],
    parties: specs.map((p) => ({ kind: p.kind, name: p.name, ...(p.email ? { email: p.email } : {}), consent: p.consent ?? "PENDING" })),
  });
  const venue = await db().venue.create({
    data: { name: `Riverside Family Centre ${tag}`, address: "1 River Road, Northtown", localAuthorityId: la.id, stepFreeAccess: true, hearingLoop: true, parking: false, notes: "Ring the bell at the side door." },
  });
  const rows = await db().party.findMany({ where: { caseId: c.id }, select: { id: true, kind: true, email: true } });
  const parties = Object.fromEntries(rows.map((p) => [p.kind, { id: p.id, email: p.email }]));
  if (opts.marker) {
    const m = opts.marker;
    await db().case.update({ where: { id: c.id }, data: { staffNotes: `${m}-staff-notes` } });
    for (const p of rows) await db().party.update({ where: { id: p.id }, data: { accessNeeds: `${m}-access-${p.kind}`, consentHow: `${m}-consent-how-${p.kind}` } });
  }
  return { caseId: c.id, mediator: med, venueId: venue.id, parties };
}

async function book(f: Fixture, date: string) {
  const version = (await stateOf(f.caseId)).version;
  const r = await bookJointMeeting(f.mediator, { caseId: f.caseId, expectedVersion: version, date, startTime: "10:00", durationMinutes: 150, mode: "VENUE", venueId: f.venueId });
  await runInvitationJobs(r.meetingId);
  return r;
}

describe("booking the joint meeting invites everyone (R-24) and sends each an .ics (issue 10)", () => {
  it("invites the parties who have not declined, but not a school; each with an email gets a REQUEST with a stable UID, SEQUENCE 0 and times in UTC", async () => {
    const f = await bookableCase();
    const r = await book(f, GMT_DAY);

    const invited = await db().meetingAttendee.findMany({ where: { meetingId: r.meetingId }, select: { partyId: true, invitedAt: true, response: true } });
    expect(invited.map((a) => a.partyId).sort()).toEqual([f.parties.PARENT!.id, f.parties.LA!.id, f.parties.SUPPORTER!.id, f.parties.INTERPRETER!.id].sort());
    expect(invited.every((a) => a.response === "INVITED")).toBe(true);
    // The interpreter has no email: not sent, and the page says so.
    expect(invited.find((a) => a.partyId === f.parties.INTERPRETER!.id)!.invitedAt).toBeNull();

    const mails = await outbox(f.caseId);
    expect(mails.map((m) => m.to).sort()).toEqual([f.parties.PARENT!.email, f.parties.LA!.email, f.parties.SUPPORTER!.email].sort());
    for (const m of mails) {
      expect(m.calendarMethod).toBe("REQUEST");
      const ics = parseIcs(m.calendar!);
      expect(ics).toMatchObject({ method: "REQUEST", uid: `${r.meetingId}@send-mediation`, sequence: 0, start: "2027-03-26T10:00:00Z", end: "2027-03-26T12:30:00Z", status: "CONFIRMED" });
      expect(m.calendar).toContain("DTSTART:20270326T100000Z");
      // Only the recipient is named as an attendee: nobody gets another person's address.
      expect(ics.attendees).toEqual([`mailto:${m.to}`]);
      expect(ics.location).toContain("Riverside Family Centre");
    }

    const toFamily = mails.find((m) => m.to === f.parties.PARENT!.email)!;
    expect(toFamily.subject).toContain("Friday 26 March 2027, 10:00 to 12:30");
    expect(toFamily.body).toContain("Hello Jane Family,");
    expect(toFamily.body).toContain("When: Friday 26 March 2027, 10:00 to 12:30 (UK time)");
    expect(toFamily.body).toContain("1 River Road, Northtown");
    expect(toFamily.body).toContain("There is step-free access.");
    expect(toFamily.body).toContain("There is a hearing loop.");
    expect(toFamily.body).toContain("There is no parking at the venue.");
    expect(toFamily.body).toContain("Ring the bell at the side door.");
    expect(toFamily.body).toContain("reply to this email");
    // Who else by role, never by name.
    expect(toFamily.body).toContain("- Local authority representative");
    expect(toFamily.body).toContain("- Supporter or advocate");
    expect(toFamily.body).toContain("- Interpreter");
    expect(toFamily.body).not.toContain("Lee Officer");
    expect(toFamily.body).not.toContain("Parent or carer");

    // notice was given today; the history and the audit trail say what happened.
    const meeting = await db().meeting.findUniqueOrThrow({ where: { id: r.meetingId } });
    expect(isoFromDbDate(meeting.noticeSentOn!)).toBe(todayInLondon());
    const history = await db().meetingChange.findMany({ where: { meetingId: r.meetingId } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: "BOOKED", sequence: 0, actorId: f.mediator.id, toPlace: expect.stringContaining("Riverside Family Centre") });
    expect(await db().auditEvent.count({ where: { caseId: f.caseId, action: "meeting.invitations_sent" } })).toBe(1);
  });

  it("moving sends everyone SEQUENCE 1 with the same UID, and the new time in UTC across the change to BST", async () => {
    const f = await bookableCase();
    const booked = await book(f, GMT_DAY);
    const seen = (await outbox(f.caseId)).length;
    const moved = await book(f, BST_DAY);
    expect(moved).toMatchObject({ moved: true, meetingId: booked.meetingId });

    const mails = await newSince(f.caseId, seen);
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      const ics = parseIcs(m.calendar!);
      // 10:00 in London on 30 March 2027 is 09:00 UTC (British Summer Time).
      expect(ics).toMatchObject({ method: "REQUEST", uid: `${booked.meetingId}@send-mediation`, sequence: 1, start: "2027-03-30T09:00:00Z", end: "2027-03-30T11:30:00Z" });
      expect(m.subject).toContain("Moved");
      expect(m.body).toContain("When: Tuesday 30 March 2027, 10:00 to 12:30 (UK time)");
    }
    const history = await db().meetingChange.findMany({ where: { meetingId: booked.meetingId }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.kind)).toEqual(["BOOKED", "MOVED"]);
    expect(history[1]).toMatchObject({ sequence: 1, fromStartsAt: new Date("2027-03-26T10:00:00Z"), toStartsAt: new Date("2027-03-30T09:00:00Z") });
    const page = await getJointMeeting(f.mediator, f.caseId);
    expect(page.history[0]!.text).toBe(
      `Moved from Friday 26 March 2027, 10:00 to 12:30, ${history[1]!.fromPlace} to Tuesday 30 March 2027, 10:00 to 12:30, ${history[1]!.toPlace}`,
    );
  });

  it("the .ics goes through real SMTP as a text/calendar part with METHOD:REQUEST", async () => {
    const smtp = await startCaptureSmtp();
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    try {
      const f = await bookableCase();
      await book(f, GMT_DAY);
      // Queued with their delivery jobs; delivered as the worker does.
      for (const row of await outbox(f.caseId)) await deliverOutboxEmail({ outboxId: row.id });
      const mail = smtp.received.find((m) => m.to === f.parties.LA!.email);
      expect(mail?.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      expect((await outbox(f.caseId)).every((m) => m.status === "SENT")).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
      await smtp.close();
    }
  });
});

describe("cancelling the joint meeting (issue 10)", () => {
  it("asks for a reason and writes nothing without one", async () => {
    const f = await bookableCase();
    const r = await book(f, GMT_DAY);
    const before = await stateOf(f.caseId);
    const e = await refusal(cancelJointMeeting(f.mediator, { caseId: f.caseId, expectedVersion: before.version, reason: "  " }));
    expect(fieldError(e, "reason")).toBe("Why the meeting is cancelled must be filled in.");
    expect(await stateOf(f.caseId)).toEqual(before);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: r.meetingId } })).status).toBe("SCHEDULED");
  });

  it("cancels it for everyone (METHOD:CANCEL, SEQUENCE raised, same UID), takes the case back to Preparing with no meeting date, and keeps why in the history", async () => {
    const f = await bookableCase();
    const booked = await book(f, GMT_DAY);
    const seen = (await outbox(f.caseId)).length;
    const version = (await stateOf(f.caseId)).version;
    const r = await cancelJointMeeting(f.mediator, { caseId: f.caseId, expectedVersion: version, reason: "The mediator is ill" });
    await runInvitationJobs(r.meetingId);
    expect(r).toMatchObject({ status: "PREPARING", meetingId: booked.meetingId, alreadyDone: null });

    const s = await stateOf(f.caseId);
    expect(s.status).toBe("PREPARING");
    expect(s.meetingOn).toBeNull();
    expect(await db().meeting.findUniqueOrThrow({ where: { id: booked.meetingId } })).toMatchObject({ status: "CANCELLED", sequence: 1 });

    const mails = await newSince(f.caseId, seen);
    expect(mails).toHaveLength(3);
    for (const m of mails) {
      expect(m.calendarMethod).toBe("CANCEL");
      expect(parseIcs(m.calendar!)).toMatchObject({ method: "CANCEL", uid: `${booked.meetingId}@send-mediation`, sequence: 1, status: "CANCELLED", start: "2027-03-26T10:00:00Z" });
      expect(m.subject).toContain("Cancelled");
      // the reason is staff only.
      expect(`${m.subject}${m.body}${m.calendar}`).not.toContain("The mediator is ill");
    }
    const cancelled = await db().meetingChange.findFirstOrThrow({ where: { meetingId: booked.meetingId, kind: "CANCELLED" } });
    expect(cancelled).toMatchObject({ reason: "The mediator is ill", actorId: f.mediator.id, sequence: 1, toStartsAt: null });
    // The shared timeline entry says it was cancelled, without the reason.
    const ev = await db().caseEvent.findFirstOrThrow({ where: { caseId: f.caseId, type: "MEETING_CANCELLED" } });
    expect(ev).toMatchObject({ visibility: "SHARED", summary: "Joint meeting cancelled" });

    // It can be booked again: a new meeting, with a new UID.
    const again = await book(f, BST_DAY);
    expect(again.moved).toBe(false);
    expect(again.meetingId).not.toBe(booked.meetingId);
    expect((await stateOf(f.caseId)).status).toBe("MEETING_SCHEDULED");
    const page = await getJointMeeting(f.mediator, f.caseId);
    expect(page.history.map((h) => h.kind)).toEqual(["BOOKED", "CANCELLED", "BOOKED"]);
    expect(page.history[1]!.reason).toBe("The mediator is ill");
  });

  it("is only done by its own command: the generic transition refuses it, and a booked meeting is moved on its page, not by recording a date", async () => {
    const f = await bookableCase();
    await book(f, GMT_DAY);
    const before = await stateOf(f.caseId);
    const cancel = await refusal(transitionCase(caseworker, f.caseId, "cancelMeeting", before.version, { reason: "x" }));
    expect(cancel.message).toContain("Cancel the joint meeting from its page");
    const move = await refusal(transitionCase(caseworker, f.caseId, "scheduleMeeting", before.version, { meetingOn: BST_DAY }));
    expect(fieldError(move, "meetingOn")).toContain("move it on the meeting page");
    expect(await stateOf(f.caseId)).toEqual(before);
  });
});

describe("who is invited (issue 10, R-24)", () => {
  it("staff add a party (they alone are sent the invitation), record an answer and needs, and take someone off (they alone are sent a cancellation)", async () => {
    const f = await bookableCase();
    const booked = await book(f, GMT_DAY);
    let page = await getJointMeeting(caseworker, f.caseId);
    expect(page.addable.map((a) => a.id)).toEqual([f.parties.SCHOOL!.id]);

    let seen = (await outbox(f.caseId)).length;
    const added = await addAttendee(caseworker, { caseId: f.caseId, meetingId: booked.meetingId, partyId: f.parties.SCHOOL!.id });
    await runInvitationJobs(added.meetingId);
    let mails = await newSince(f.caseId, seen);
    expect(mails.map((m) => m.to)).toEqual([f.parties.SCHOOL!.email]);
    expect(parseIcs(mails[0]!.calendar!)).toMatchObject({ method: "REQUEST", sequence: 0, uid: `${booked.meetingId}@send-mediation` });
    const twice = await refusal(addAttendee(caseworker, { caseId: f.caseId, meetingId: booked.meetingId, partyId: f.parties.SCHOOL!.id }));
    expect(fieldError(twice, "partyId")).toBe("They are already invited to this meeting.");

    page = await getJointMeeting(f.mediator, f.caseId);
    const parent = page.attendees.find((a) => a.partyId === f.parties.PARENT!.id)!;
    const bad = await refusal(recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: parent.id, response: "MAYBE" }));
    expect(fieldError(bad, "response")).toBe("Select their answer");
    const long = await refusal(recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: parent.id, response: "ACCEPTED", adjustments: "x".repeat(2001) }));
    expect(fieldError(long, "adjustments")).toBe("The adjustments must be 2000 characters or fewer");
    await recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: parent.id, response: "ACCEPTED", interpreterLanguage: "Polish", adjustments: "Breaks every hour" });
    page = await getJointMeeting(f.mediator, f.caseId);
    expect(page.attendees.find((a) => a.id === parent.id)).toMatchObject({ response: "ACCEPTED", responseLabel: "Coming", interpreterLanguage: "Polish", adjustments: "Breaks every hour" });
    expect((await getAttendee(f.mediator, f.caseId, parent.id)).values).toMatchObject({ response: "ACCEPTED", interpreterLanguage: "Polish" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: f.caseId, action: "meeting.attendee_updated" } });
    expect(audit.after).toMatchObject({ response: "ACCEPTED", adjustments: "[redacted]", interpreterLanguage: "[redacted]" });

    seen = (await outbox(f.caseId)).length;
    const supporter = page.attendees.find((a) => a.partyId === f.parties.SUPPORTER!.id)!;
    const removed = await removeAttendee(caseworker, { caseId: f.caseId, attendeeId: supporter.id });
    await runInvitationJobs(removed.meetingId);
    mails = await newSince(f.caseId, seen);
    expect(mails.map((m) => m.to)).toEqual([f.parties.SUPPORTER!.email]);
    expect(parseIcs(mails[0]!.calendar!)).toMatchObject({ method: "CANCEL", uid: `${booked.meetingId}@send-mediation` });
    expect((await getJointMeeting(caseworker, f.caseId)).attendees.some((a) => a.id === supporter.id)).toBe(false);
  });

  it("is not found for the LA officer, the family or another mediator, who can change nothing", async () => {
    const f = await bookableCase();
    const booked = await book(f, GMT_DAY);
    await db().party.update({ where: { id: f.parties.PARENT!.id }, data: { userId: parentUser.id } });
    const attendee = (await getJointMeeting(caseworker, f.caseId)).attendees[0]!;
    const before = await db().meetingAttendee.findMany({ where: { meetingId: booked.meetingId }, orderBy: { id: "asc" } });
    for (const who of [laOfficer, parentUser, mediator2]) {
      expect(await refusal(getJointMeeting(who, f.caseId))).toBeInstanceOf(NotFoundError);
      expect(await refusal(getAttendee(who, f.caseId, attendee.id))).toBeInstanceOf(NotFoundError);
      expect(await refusal(addAttendee(who, { caseId: f.caseId, meetingId: booked.meetingId, partyId: f.parties.SCHOOL!.id }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(removeAttendee(who, { caseId: f.caseId, attendeeId: attendee.id }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(recordAttendeeResponse(who, { caseId: f.caseId, attendeeId: attendee.id, response: "DECLINED" }))).toBeInstanceOf(NotFoundError);
    }
    expect(await db().meetingAttendee.findMany({ where: { meetingId: booked.meetingId }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("can no longer be changed once the meeting is cancelled", async () => {
    const f = await bookableCase();
    const booked = await book(f, GMT_DAY);
    const attendee = (await getJointMeeting(caseworker, f.caseId)).attendees[0]!;
    await cancelJointMeeting(caseworker, { caseId: f.caseId, expectedVersion: (await stateOf(f.caseId)).version, reason: "Family asked to wait" });
    const e = await refusal(addAttendee(caseworker, { caseId: f.caseId, meetingId: booked.meetingId, partyId: f.parties.SCHOOL!.id }));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toContain("cancelled");
    expect(await refusal(recordAttendeeResponse(caseworker, { caseId: f.caseId, attendeeId: attendee.id, response: "ACCEPTED" }))).toBeInstanceOf(DomainError);
    expect((await getJointMeeting(caseworker, f.caseId)).meeting).toBeNull();
  });
});

describe("authority to resolve the issues at the joint meeting (R-24)", () => {
  const laRep = (o: { hasAuthority?: boolean | null; response?: string } = {}) => ({ kind: "LA", hasAuthority: o.hasAuthority ?? null, response: o.response ?? "INVITED" });

  it("warns while no LA representative who is coming is confirmed; for health, the ICB's too; never for DRS", () => {
    const base = { kind: "MEDIATION", involvesHealthBody: false };
    expect(meetingAuthorityWarnings({ ...base, attendees: [laRep({ hasAuthority: true })] })).toEqual([]);
    expect(meetingAuthorityWarnings({ ...base, attendees: [laRep()] })).toEqual([
      "No local authority representative invited to the joint meeting is confirmed as having authority to resolve the issues. Check with them and record it (R-24).",
    ]);
    // One who is not coming does not count, however much authority they have.
    expect(meetingAuthorityWarnings({ ...base, attendees: [laRep({ hasAuthority: true, response: "DECLINED" })] })[0]).toContain("No local authority representative is invited to the joint meeting");
    expect(meetingAuthorityWarnings({ ...base, attendees: [] })[0]).toContain("Invite one who has authority to resolve the issues (R-24).");
    expect(meetingAuthorityWarnings({ kind: "MEDIATION", involvesHealthBody: true, attendees: [laRep({ hasAuthority: true })] })).toEqual([
      "No integrated care board representative is invited to the joint meeting (or each one invited has said they are not coming). Invite one who has authority to resolve the issues (R-24).",
    ]);
    expect(meetingAuthorityWarnings({ kind: "DRS", involvesHealthBody: true, attendees: [] })).toEqual([]);
  });

  it("warns the caseworker on the case page and the mediator on the meeting page and at home, until it is confirmed on the meeting page", async () => {
    const f = await bookableCase({ issues: ["EDUCATION", "HEALTH"] });
    await book(f, GMT_DAY);
    const expected = [
      "No local authority representative invited to the joint meeting is confirmed as having authority to resolve the issues. Check with them and record it (R-24).",
      "No integrated care board representative invited to the joint meeting is confirmed as having authority to resolve the issues. Check with them and record it (R-24).",
    ];
    expect((await getCaseDetail(caseworker, f.caseId)).authorityWarnings).toEqual(expected);
    expect((await getJointMeeting(f.mediator, f.caseId)).authorityWarnings).toEqual(expected);
    expect((await getMediatorHome(f.mediator)).authority).toEqual([expect.objectContaining({ caseId: f.caseId, warnings: expected, when: "Friday 26 March 2027, 10:00 to 12:30" })]);
    expect((await getCaseDetail(laOfficer, f.caseId)).authorityWarnings).toEqual([]);

    const page = await getJointMeeting(f.mediator, f.caseId);
    for (const kind of ["LA", "HEALTH"]) {
      const a = page.attendees.find((x) => x.partyId === f.parties[kind]!.id)!;
      expect(a.authority).toBeNull();
      await recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: a.id, response: "ACCEPTED", hasAuthority: "yes" });
    }
    expect((await db().party.findUniqueOrThrow({ where: { id: f.parties.LA!.id } })).hasAuthority).toBe(true);
    expect((await getCaseDetail(caseworker, f.caseId)).authorityWarnings).toEqual([]);
    expect((await getJointMeeting(f.mediator, f.caseId)).authorityWarnings).toEqual([]);
    expect((await getMediatorHome(f.mediator)).authority).toEqual([]);
  });
});

describe("invitations never carry staff-only text (R-80)", () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.SERVICE_PHONE;
    process.env.SERVICE_PHONE = "0300 123 4567";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SERVICE_PHONE;
    else process.env.SERVICE_PHONE = saved;
  });

  it("no staff notes, access needs, consent notes, adjustments, late or cancellation reasons in any email or .ics, through booking, adding, moving and cancelling", async () => {
    const marker = `PLANTED${uid()}`;
    const f = await bookableCase({ marker });
    const booked = await book(f, GMT_DAY);
    await db().meeting.update({ where: { id: booked.meetingId }, data: { lateReason: `${marker}-late-reason` } });
    const page = await getJointMeeting(caseworker, f.caseId);
    for (const a of page.attendees) {
      await recordAttendeeResponse(caseworker, { caseId: f.caseId, attendeeId: a.id, response: "ACCEPTED", interpreterLanguage: `${marker}-language`, adjustments: `${marker}-adjustments` });
    }
    await runInvitationJobs((await addAttendee(caseworker, { caseId: f.caseId, meetingId: booked.meetingId, partyId: f.parties.SCHOOL!.id })).meetingId);
    await book(f, BST_DAY);
    // The same job delivered again sends nothing (its effect key is taken).
    expect((await sendMeetingInvitations(booked.meetingId, "MOVED")).sent).toEqual([]);
    const r = await cancelJointMeeting(caseworker, { caseId: f.caseId, expectedVersion: (await stateOf(f.caseId)).version, reason: `${marker}-cancel-reason` });
    await runInvitationJobs(r.meetingId);

    const mails = await outbox(f.caseId);
    // Booked (3), the school added (1), moved (4), cancelled (4).
    expect(mails).toHaveLength(12);
    for (const m of mails) expect(`${m.subject}\n${m.body}\n${m.calendar}`, `${m.to}: ${m.subject}`).not.toContain(marker);
    // The way to ask for adjustments is there, with the service's phone number.
    expect(mails[0]!.body).toContain("reply to this email, or phone us on 0300 123 4567");
  });
});
