/**
 * Issue 12: the family's meeting page (lib/family/meeting) — booked, none, cancelled; the venue's
 * access details; who will be there without any staff-only text (R-80, planted text); the .ics
 * download (the emailed invitation's UID and SEQUENCE, UTC times, parsed with ical.js); the
 * family's own answer (their own row only, bad input writes nothing, audited, idempotent) and the
 * staff side seeing it; 404 for another family's case.
 */
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { db } from "@/lib/platform/db";
import { NotFoundError, type SessionUser } from "@/lib/auth/types";
import { REDACTED } from "@/lib/platform/audit";
import { formatLongDate } from "@/lib/deadlines";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { cancelJointMeeting } from "@/lib/meetings/cancel-joint-meeting";
import { recordAttendeeResponse } from "@/lib/meetings/record-attendee-response";
import { getJointMeeting } from "@/lib/meetings/get-joint-meeting";
import { getFamilyMeeting } from "@/lib/family/meeting/get-family-meeting";
import { getMeetingInvite } from "@/lib/family/meeting/get-meeting-invite";
import { answerMeeting, NEEDS_MISSING } from "@/lib/family/meeting/answer-meeting";
import type { PartyKind } from "@/lib/platform/db";
import { runInvitationJobs } from "../meetings/invitation-jobs";
import { caseworker, fieldError, la, makeCase, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";
import { makeUser, uid } from "../helpers";

setUpCaseFixtures();

// A Friday in GMT, and a Tuesday in BST (UTC+1, after the clocks go forward on 28 March 2027).
const GMT_DAY = "2027-03-26";
const BST_DAY = "2027-03-30";

type Fixture = { caseId: string; mediator: SessionUser; parent: SessionUser; venueId: string; parties: Record<string, string>; marker: string };

/**
 * A case allocated to its own mediator, the parent party linked to its own family user, an LA
 * representative, a supporter and an interpreter; staff-only text planted everywhere it could leak.
 */
async function familyCase(opts: { book?: string | null; mode?: "VENUE" | "VIDEO" | "PHONE" } = {}): Promise<Fixture & { meetingId: string | null }> {
  const mediator = await makeUser("MEDIATOR", { name: `Mo Mediator ${uid()}` });
  const parent = await makeUser("PARENT", { name: "Jane Family" });
  const tag = uid();
  const marker = `PLANTED${tag}`;
  const specs: { kind: PartyKind; name: string; email?: string; organisation?: string; consent?: "GIVEN" }[] = [
    { kind: "PARENT", name: "Jane Family", email: `jane-${tag}@family.example`, consent: "GIVEN" },
    { kind: "LA", name: "Lee Officer", email: `lee-${tag}@la.example`, organisation: "Commandshire Council" },
    { kind: "SUPPORTER", name: "Sam Supporter", email: `sam-${tag}@sendiass.example` },
    { kind: "INTERPRETER", name: "Ilona Interpreter" },
  ];
  const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, parties: specs.map((p) => ({ ...p, consent: p.consent ?? "PENDING" })) });
  const rows = await db().party.findMany({ where: { caseId: c.id }, select: { id: true, kind: true } });
  const parties = Object.fromEntries(rows.map((p) => [p.kind, p.id]));
  await db().party.update({ where: { id: parties.PARENT! }, data: { userId: parent.id } });
  await db().case.update({ where: { id: c.id }, data: { staffNotes: `${marker}-staff-notes`, summary: "A shared summary" } });
  for (const p of rows) await db().party.update({ where: { id: p.id }, data: { accessNeeds: `${marker}-access-${p.kind}`, consentHow: `${marker}-consent-${p.kind}` } });
  const venue = await db().venue.create({
    data: { name: `Riverside Family Centre ${tag}`, address: "1 River Road, Northtown", localAuthorityId: la.id, stepFreeAccess: true, hearingLoop: false, parking: false, notes: "Ring the bell at the side door." },
  });
  const f = { caseId: c.id, mediator, parent, venueId: venue.id, parties, marker };
  let meetingId: string | null = null;
  if (opts.book !== null) {
    const mode = opts.mode ?? "VENUE";
    const version = (await stateOf(c.id)).version;
    const r = await bookJointMeeting(mediator, {
      caseId: c.id,
      expectedVersion: version,
      date: opts.book ?? GMT_DAY,
      startTime: "10:00",
      durationMinutes: 150,
      mode,
      ...(mode === "VENUE" ? { venueId: venue.id } : mode === "VIDEO" ? { videoLink: `https://video.example/room-${tag}` } : {}),
    });
    meetingId = r.meetingId;
    await runInvitationJobs(meetingId);
    await db().meeting.update({ where: { id: meetingId! }, data: { lateReason: `${marker}-late-reason` } });
    // Staff record the LA representative's needs: never shown to the family.
    const la = await db().meetingAttendee.findFirstOrThrow({ where: { meetingId: meetingId!, partyId: parties.LA! }, select: { id: true } });
    await recordAttendeeResponse(mediator, { caseId: c.id, attendeeId: la.id, response: "ACCEPTED", interpreterLanguage: `${marker}-la-language`, adjustments: `${marker}-la-adjustments`, supporterName: `${marker}-la-supporter`, hasAuthority: "yes" });
  }
  return { ...f, meetingId };
}

const attendeeOf = (meetingId: string, partyId: string) => db().meetingAttendee.findFirstOrThrow({ where: { meetingId, partyId } });

function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const ev = new ICAL.Event(vevent);
  return { method: String(cal.getFirstPropertyValue("method")), uid: ev.uid, sequence: ev.sequence, start: ev.startDate.toString(), end: ev.endDate.toString(), location: ev.location, description: ev.description };
}

describe("the family's meeting page (issue 12)", () => {
  it("a booked meeting at a venue: when (UK time), where with the venue's access details, who will be there — and no staff-only text (R-80)", async () => {
    const f = await familyCase();
    // The interpreter says they cannot come: not listed as being there.
    const interp = await attendeeOf(f.meetingId!, f.parties.INTERPRETER!);
    await recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: interp.id, response: "DECLINED" });

    const p = await getFamilyMeeting(f.parent, f.caseId);
    expect(p.state).toBe("BOOKED");
    expect(p.meeting!.when).toBe("Friday 26 March 2027, 10:00 to 12:30");
    expect(p.meeting!.venue).toMatchObject({ address: "1 River Road, Northtown" });
    expect(p.meeting!.venue!.access).toEqual(["There is step-free access.", "There is no hearing loop.", "There is no parking at the venue.", "Ring the bell at the side door."]);
    expect(p.people).toEqual([
      { name: "Jane Family", role: "Parent or carer", organisation: null, you: true },
      { name: "Lee Officer", role: "Local authority representative", organisation: "Commandshire Council", you: false },
      { name: "Sam Supporter", role: "Supporter or advocate", organisation: null, you: false },
      { name: f.mediator.name, role: "Mediator", organisation: null, you: false },
    ]);
    expect(p.mine).toMatchObject({ answer: null, noted: null });
    expect(p.canAnswer).toBe(true);
    expect(JSON.stringify(p)).not.toContain(f.marker);
  });

  it("a video meeting gives its link; a phone meeting says how it is joined", async () => {
    const v = await familyCase({ mode: "VIDEO" });
    const p = await getFamilyMeeting(v.parent, v.caseId);
    expect(p.meeting).toMatchObject({ mode: "VIDEO", venue: null });
    expect(p.meeting!.videoLink).toMatch(/^https:\/\/video\.example\/room-/);
    const ph = await familyCase({ mode: "PHONE" });
    expect((await getFamilyMeeting(ph.parent, ph.caseId)).meeting).toMatchObject({ mode: "PHONE", venue: null, videoLink: null });
  });

  it("no meeting booked yet: no meeting, and the day mediation must take place by (R-20) from the case's open 30-day deadline", async () => {
    const parent = await makeUser("PARENT");
    const c = await makeCase({ status: "PREPARING", familyUserId: parent.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2027-03-01" } });
    const p = await getFamilyMeeting(parent, c.id);
    expect(p).toMatchObject({ state: "NONE", meeting: null, people: [], mine: null, canAnswer: false, mediateBy: "2027-03-31", open: true });
    expect(formatLongDate(p.mediateBy!)).toBe("Wednesday 31 March 2027");
  });

  it("a cancelled meeting says so, without the reason (R-80); nothing to download or answer", async () => {
    const f = await familyCase();
    const version = (await stateOf(f.caseId)).version;
    await cancelJointMeeting(f.mediator, { caseId: f.caseId, expectedVersion: version, reason: `${f.marker}-cancel-reason` });
    const p = await getFamilyMeeting(f.parent, f.caseId);
    expect(p).toMatchObject({ state: "CANCELLED", meeting: null, pastWhen: "Friday 26 March 2027, 10:00 to 12:30", canAnswer: false });
    expect(JSON.stringify(p)).not.toContain(f.marker);
    expect(await refusal(getMeetingInvite(f.parent, f.caseId))).toBeInstanceOf(NotFoundError);
    expect((await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "COMING" }))).message).toMatch(/no meeting booked/);
  });

  it("another family's case, and staff, are refused as not found (404)", async () => {
    const f = await familyCase();
    const other = await makeUser("PARENT");
    expect(await refusal(getFamilyMeeting(other, f.caseId))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getMeetingInvite(other, f.caseId))).toBeInstanceOf(NotFoundError);
    expect(await refusal(answerMeeting(other, { caseId: f.caseId, answer: "COMING" }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(getFamilyMeeting(caseworker, f.caseId))).toBeInstanceOf(NotFoundError);
    expect(await refusal(answerMeeting(f.mediator, { caseId: f.caseId, answer: "COMING" }))).toBeInstanceOf(NotFoundError);
  });

  it("a family user who is not invited sees the meeting but cannot answer", async () => {
    const f = await familyCase();
    // The family party taken off the invitation list (R-01: since decision 0022 only the family
    // party, or a parent with the young person's consent, is a family user who sees the case).
    const other = f.parent;
    await db().meetingAttendee.deleteMany({ where: { meetingId: f.meetingId!, partyId: f.parties.PARENT! } });
    const p = await getFamilyMeeting(other, f.caseId);
    expect(p).toMatchObject({ state: "BOOKED", mine: null, canAnswer: false });
    const before = await stateOf(f.caseId);
    expect(await refusal(answerMeeting(other, { caseId: f.caseId, answer: "COMING" }))).toBeInstanceOf(NotFoundError);
    expect((await stateOf(f.caseId)).audits).toBe(before.audits);
    // The .ics still downloads for them: the same meeting.
    expect((await getMeetingInvite(other, f.caseId)).content).toContain(`UID:${f.meetingId}@send-mediation`);
  });
});

describe("Add to calendar: the .ics download (issue 12)", () => {
  it("has the emailed invitation's UID and SEQUENCE and the times in UTC (BST: 10:00 in London is 09:00Z), with no staff text", async () => {
    const f = await familyCase({ book: BST_DAY });
    const emailed = await db().outboxEmail.findFirstOrThrow({ where: { caseId: f.caseId, to: { startsWith: "jane-" } }, select: { calendar: true } });
    const mail = parseIcs(emailed.calendar!);
    const file = await getMeetingInvite(f.parent, f.caseId);
    expect(file.fileName).toMatch(/^meeting-SM-CMD-.+\.ics$/);
    const ics = parseIcs(file.content);
    expect(ics).toMatchObject({ method: "REQUEST", uid: `${f.meetingId}@send-mediation`, sequence: 0, start: "2027-03-30T09:00:00Z", end: "2027-03-30T11:30:00Z" });
    expect({ uid: ics.uid, sequence: ics.sequence, start: ics.start, end: ics.end, location: ics.location }).toEqual({ uid: mail.uid, sequence: mail.sequence, start: mail.start, end: mail.end, location: mail.location });
    expect(file.content).toContain("DTSTART:20270330T090000Z");
    expect(ics.description).toContain("meeting page");
    expect(file.content).not.toContain(f.marker);
  });
});

describe("the family's answer (issue 12)", () => {
  it("'I need something' with an interpreter: written on their own row only, audited without the values, and the staff meeting page shows it", async () => {
    const f = await familyCase();
    const others = await db().meetingAttendee.findMany({ where: { meetingId: f.meetingId!, partyId: { not: f.parties.PARENT! } }, orderBy: { id: "asc" } });
    const at = new Date("2027-03-01T12:00:00Z");
    const r = await answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", interpreterLanguage: " Polish ", adjustments: "", supporterName: "Aunt May" }, "203.0.113.9", at);
    expect(r).toMatchObject({ answer: "NEEDS", changed: true });

    const row = await attendeeOf(f.meetingId!, f.parties.PARENT!);
    expect(row).toMatchObject({ response: "ACCEPTED", interpreterLanguage: "Polish", adjustments: null, supporterName: "Aunt May", familyAnsweredAt: at, respondedAt: at });
    // Nobody else's row changed.
    expect(await db().meetingAttendee.findMany({ where: { meetingId: f.meetingId!, partyId: { not: f.parties.PARENT! } }, orderBy: { id: "asc" } })).toEqual(others);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: f.caseId, action: "meeting.attendee_updated", actorId: f.parent.id } });
    expect(audit.after).toMatchObject({ attendeeId: row.id, response: "ACCEPTED", interpreterLanguage: REDACTED, supporterName: REDACTED, answeredBy: "FAMILY", familyAnswer: "NEEDS" });
    expect(JSON.stringify(audit)).not.toContain("Polish");

    // The family sees their answer back…
    const mine = (await getFamilyMeeting(f.parent, f.caseId)).mine!;
    expect(mine).toMatchObject({ answer: "NEEDS", needs: { interpreterLanguage: "Polish", adjustments: null, supporterName: "Aunt May" } });
    // …and the mediator and caseworker see it on their meeting page, marked as given online.
    for (const staff of [f.mediator, caseworker]) {
      const page = await getJointMeeting(staff, f.caseId);
      expect(page.attendees.find((a) => a.partyId === f.parties.PARENT)).toMatchObject({ responseLabel: "Coming", interpreterLanguage: "Polish", supporterName: "Aunt May", familyAnsweredAt: at.toISOString() });
    }
  });

  it("bad input: a field error and nothing written", async () => {
    const f = await familyCase();
    const before = await stateOf(f.caseId);
    const row = await attendeeOf(f.meetingId!, f.parties.PARENT!);
    expect(fieldError(await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "" })), "answer")).toBe("Select whether you can come, or tell us what you need");
    expect(fieldError(await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "MAYBE" })), "answer")).toBeTruthy();
    expect(fieldError(await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", interpreterLanguage: "  " })), "interpreterLanguage")).toBe(NEEDS_MISSING);
    expect(fieldError(await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", interpreterLanguage: "x".repeat(101) })), "interpreterLanguage")).toMatch(/100 characters or fewer/);
    expect(fieldError(await refusal(answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", supporterName: "x".repeat(201) })), "supporterName")).toMatch(/200 characters or fewer/);
    expect(await attendeeOf(f.meetingId!, f.parties.PARENT!)).toEqual(row);
    expect((await stateOf(f.caseId)).audits).toBe(before.audits);
  });

  it("the same answer posted twice writes once; 'I can come' after 'I need something' clears the needs; what was typed under another answer is not kept", async () => {
    const f = await familyCase();
    const audits = async () => db().auditEvent.count({ where: { caseId: f.caseId, actorId: f.parent.id } });
    await answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", adjustments: "A quiet room" });
    const second = await answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", adjustments: "A quiet room" });
    expect(second.changed).toBe(false);
    expect(await audits()).toBe(1);
    await answerMeeting(f.parent, { caseId: f.caseId, answer: "COMING", interpreterLanguage: "Welsh", adjustments: "typed, then changed my mind" });
    expect(await attendeeOf(f.meetingId!, f.parties.PARENT!)).toMatchObject({ response: "ACCEPTED", interpreterLanguage: null, adjustments: null, supporterName: null });
    expect((await getFamilyMeeting(f.parent, f.caseId)).mine).toMatchObject({ answer: "COMING" });
    await answerMeeting(f.parent, { caseId: f.caseId, answer: "NOT_COMING" });
    expect((await attendeeOf(f.meetingId!, f.parties.PARENT!)).response).toBe("DECLINED");
    expect(await audits()).toBe(3);
  });

  it("decision 0020: staff changing the answer makes it theirs — the family is told it was noted, never shown what staff typed", async () => {
    const f = await familyCase();
    await answerMeeting(f.parent, { caseId: f.caseId, answer: "NEEDS", interpreterLanguage: "Polish" });
    const row = await attendeeOf(f.meetingId!, f.parties.PARENT!);
    // Saving the same answer on the staff page keeps it the family's.
    await recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: row.id, response: "ACCEPTED", interpreterLanguage: "Polish", adjustments: "", supporterName: "" });
    expect((await attendeeOf(f.meetingId!, f.parties.PARENT!)).familyAnsweredAt).not.toBeNull();
    await recordAttendeeResponse(f.mediator, { caseId: f.caseId, attendeeId: row.id, response: "TENTATIVE", interpreterLanguage: "Polish", adjustments: `${f.marker}-staff-wording` });
    expect((await attendeeOf(f.meetingId!, f.parties.PARENT!)).familyAnsweredAt).toBeNull();
    const p = await getFamilyMeeting(f.parent, f.caseId);
    expect(p.mine).toMatchObject({ answer: null, noted: "We have noted that you might be able to come." });
    expect(JSON.stringify(p)).not.toContain(f.marker);
  });
});
