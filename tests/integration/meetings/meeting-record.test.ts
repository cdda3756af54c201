/**
 * Issue 10: the meeting record on a real PostgreSQL. Saving it records the meeting as held (the
 * lifecycle's "meeting held", R-30) in the same transaction: who attended with the LA's and the
 * ICB's authority, the times (Europe/London), the child's views, the expenses,
 * the outcome and the private notes (a note behind the wall, R-80). Bad answers are all
 * reported at once next to their fields, and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { ForbiddenError, NotFoundError } from "@/lib/auth/types";
import { DomainError } from "@/lib/platform/errors";
import { addCalendarDays, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { checkMeetingRecord, recordMeeting } from "@/lib/meetings/record/record-meeting";
import { getMeetingRecordPage } from "@/lib/meetings/record/get-meeting-record-page";
import { meetingRecordFromForm, type MeetingRecordInput } from "@/lib/meetings/record/meeting-record-schema";
import { londonInstant } from "@/lib/meetings/london-time";
import { getMediatorHome } from "@/lib/meetings/get-mediator-home";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { caseworker, deadlinesOf, la, laOfficer, makeCase, mediator, mediator2, parentUser, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";

setUpCaseFixtures();

/** A case whose joint meeting (10:00 to 12:30 on `on`, London) was booked in the system. */
async function bookedCase(on = "2025-06-10") {
  const c = await makeCase({
    status: "MEETING_SCHEDULED",
    mediatorId: mediator.id,
    consent: "GIVEN",
    consentOn: "2025-05-22",
    dates: { laNotifiedOn: "2025-05-20", meetingOn: on },
    deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-05-20" },
    parties: [
      { kind: "PARENT", name: "Jane Family", consent: "GIVEN", consentOn: "2025-05-22" },
      { kind: "LA", name: "Lee Officer", organisation: "Commandshire SEND team" },
      { kind: "SUPPORTER", name: "Sam Supporter", organisation: "SENDIASS" },
    ],
  });
  const meeting = await db().meeting.create({
    data: { caseId: c.id, kind: "JOINT_MEETING", mode: "VIDEO", videoLink: "https://video.example/m", startsAt: londonInstant(on, 600), endsAt: londonInstant(on, 750), mediatorId: mediator.id },
  });
  const parties = await db().party.findMany({ where: { caseId: c.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true } });
  return { ...c, meetingId: meeting.id, parties };
}

/** The form as the mediator posts it: the page's rows (each party, then one empty row), with `o` over it. */
async function posted(caseId: string, version: number, o: Record<string, string> = {}): Promise<MeetingRecordInput> {
  const parties = await db().party.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true, organisation: true } });
  const capacity: Record<string, string> = { PARENT: "PARENT", LA: "LA_OFFICER", SUPPORTER: "SUPPORTER" };
  const form: Record<string, string> = { caseId, version: String(version) };
  parties.forEach((p, i) => {
    form[`attendees.${i}.partyId`] = p.id;
    form[`attendees.${i}.name`] = p.name;
    form[`attendees.${i}.capacity`] = capacity[p.kind] ?? "OTHER";
    form[`attendees.${i}.organisation`] = p.organisation ?? "";
  });
  const extra = parties.length;
  Object.assign(form, { [`attendees.${extra}.name`]: "", [`attendees.${extra}.capacity`]: "", [`attendees.${extra}.organisation`]: "" });
  return meetingRecordFromForm({ ...form, ...o });
}

const GOOD = {
  heldOn: "2025-06-10",
  startTime: "10:05",
  endTime: "12:40",
  "attendees.0.attended": "yes",
  "attendees.1.attended": "yes",
  "attendees.1.hasAuthority": "yes",
  "attendees.3.name": "Priya Interpreter",
  "attendees.3.capacity": "INTERPRETER",
  "attendees.3.organisation": "Language Line",
  childViewsHow: "WRITTEN_STATEMENT,DRAWING",
  childViews: "Wants to stay with friends at the same school.",
  expensesClaimed: "yes",
  expensesAmount: "£23.40",
  expensesFor: "Mileage and parking",
  expensesPayer: "LA",
  expensesStatus: "PENDING",
  agreement: "PARTIAL",
  privateNotes: "Mum was close to tears when section F came up.",
};

describe("recording the joint meeting", () => {
  it("saves who attended, the times, the child's views, the expenses and the outcome, and the case moves on (R-24..R-26, R-30)", async () => {
    const c = await bookedCase();
    const r = await recordMeeting(mediator, await posted(c.id, 1, GOOD), "203.0.113.9");
    expect(r).toMatchObject({ status: "MEETING_HELD", version: 2, alreadyDone: null, missed: [] });

    const s = await stateOf(c.id);
    expect(s).toMatchObject({ status: "MEETING_HELD", agreement: "PARTIAL" });
    expect(isoFromDbDate(s.heldOn!)).toBe("2025-06-10");
    // held inside the 30 days (due 19 June); R-30: the certificate is due 3 working days after.
    expect(await deadlinesOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", dueOn: "2025-06-19", closedOn: "2025-06-10", outcome: "MET" },
      { name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-06-13", closedOn: null, outcome: null },
    ]);

    const meeting = await db().meeting.findUniqueOrThrow({ where: { id: c.meetingId }, include: { record: { include: { attendees: { orderBy: { position: "asc" } } } } } });
    expect(meeting.status).toBe("HELD");
    const rec = meeting.record!;
    // British Summer Time: 10:05 in London is 09:05 UTC.
    expect(rec.startedAt.toISOString()).toBe("2025-06-10T09:05:00.000Z");
    expect(rec.endedAt.toISOString()).toBe("2025-06-10T11:40:00.000Z");
    expect(rec.attendees.map((a) => [a.name, a.capacity, a.organisation, a.hasAuthority, a.partyId])).toEqual([
      ["Jane Family", "PARENT", null, null, c.parties[0]!.id],
      ["Lee Officer", "LA_OFFICER", "Commandshire SEND team", true, c.parties[1]!.id],
      ["Priya Interpreter", "INTERPRETER", "Language Line", null, null],
    ]);
    expect(rec).toMatchObject({
      childViewsHow: ["WRITTEN_STATEMENT", "DRAWING"],
      childViews: "Wants to stay with friends at the same school.",
      childViewsNotPossibleReason: null,
      expensesClaimed: true,
      expensesAmountPence: 2340,
      expensesFor: "Mileage and parking",
      expensesPayer: "LA",
      expensesStatus: "PENDING",
      recordedById: mediator.id,
    });
    // the private notes are a note behind the wall, not a column of the record.
    const notes = await db().caseNote.findMany({ where: { caseId: c.id } });
    expect(notes.map((n) => [n.kind, n.body, n.meetingRecordId, n.authorId, n.sharedAt])).toEqual([["MEDIATOR_PRIVATE", GOOD.privateNotes, rec.id, mediator.id, null]]);

    // Audited: the transition, then the record — without the notes' or the views' text.
    const audits = await db().auditEvent.findMany({ where: { caseId: c.id }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["case.meeting_held", "meeting.record_written"]);
    expect(audits[1]).toMatchObject({ entityType: "Meeting", entityId: c.meetingId, ip: "203.0.113.9", after: { recordId: rec.id, attendees: 3, agreement: "PARTIAL", expensesClaimed: true, privateNoteId: notes[0]!.id } });
    expect(JSON.stringify(audits)).not.toContain("close to tears");
    expect(JSON.stringify(audits)).not.toContain("same school");

    // The record page: the mediator sees it all; a caseworker sees the record but not the private notes.
    const mine = await getMeetingRecordPage(mediator, c.id);
    expect(mine.form).toBeNull();
    expect(mine.record).toMatchObject({
      heldOn: "2025-06-10",
      startTime: "10:05",
      endTime: "12:40",
      attendees: [
        { name: "Jane Family", capacity: "Parent or carer", organisation: null, authority: null },
        { name: "Lee Officer", capacity: "Local authority officer", organisation: "Commandshire SEND team", authority: "Had authority to resolve the issues" },
        { name: "Priya Interpreter", capacity: "Interpreter", organisation: "Language Line", authority: null },
      ],
      childViewsHow: ["A written statement", "A drawing or pictures"],
      expenses: { amount: "£23.40", for: "Mileage and parking", payer: "The local authority", status: "Not paid yet" },
      agreement: "Partial agreement",
      privateNotes: GOOD.privateNotes,
    });
    const theirs = await getMeetingRecordPage(caseworker, c.id);
    expect(theirs.record?.childViews).toBe("Wants to stay with friends at the same school.");
    expect(theirs.record?.privateNotes).toBeNull();
    // The LA officer and the family see the outcome on the case, never the record.
    for (const u of [laOfficer, parentUser, mediator2]) await expect(getMeetingRecordPage(u, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCaseDetail(laOfficer, c.id)).agreement).toBe("Partial agreement");
  });

  it("reports every problem at once, next to its field, and writes nothing", async () => {
    const c = await bookedCase();
    const before = await stateOf(c.id);
    const e = await refusal(recordMeeting(mediator, await posted(c.id, 1, { heldOn: "day=31&month=6&year=2025", startTime: "10", endTime: "" })));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).fieldErrors).toEqual({
      heldOn: "Date the meeting was held must be a real date – June 2025 has 30 days.",
      startTime: "Enter the time the meeting started, like 10:00",
      endTime: "Enter the time the meeting ended, like 12:30",
      attendees: "Tick everyone who attended the meeting",
      childViewsHow: "Say how the child's or young person's views were gathered, or that it was not possible (R-25)",
      expensesClaimed: "Say whether the family claimed travel or other expenses (R-26)",
      agreement: "Choose whether the meeting reached full, partial or no agreement",
    });
    // The summary's first message is the first field's.
    expect(e.message).toBe("Date the meeting was held must be a real date – June 2025 has 30 days.");

    const more = await refusal(
      recordMeeting(
        mediator,
        await posted(c.id, 1, {
          ...GOOD,
          startTime: "12:00",
          endTime: "11:30",
          "attendees.1.hasAuthority": "",
          "attendees.3.name": "",
          childViewsHow: "NOT_POSSIBLE,DRAWING",
          expensesAmount: "twelve pounds",
          expensesFor: "",
          expensesPayer: "",
        }),
      ),
    );
    expect((more as DomainError).fieldErrors).toEqual({
      endTime: "The time the meeting ended must be after the time it started",
      "attendees.1.hasAuthority": "Say whether Lee Officer had authority to resolve the issues (R-24)",
      "attendees.3.name": "Enter the name of the person who attended",
      childViewsHow: "Choose how the views were gathered, or that it was not possible, not both",
      expensesAmount: "Enter the amount in pounds and pence, like 12.50",
      expensesFor: "Say what the claim is for, like mileage and parking",
      expensesPayer: "Choose who pays the expenses",
    });

    // "not possible" needs the reason; otherwise the views themselves.
    const notPossible = await refusal(recordMeeting(mediator, await posted(c.id, 1, { ...GOOD, childViewsHow: "NOT_POSSIBLE", childViews: "" })));
    expect((notPossible as DomainError).fieldErrors).toEqual({ childViewsNotPossibleReason: "Say why it was not possible to find out the child's or young person's views (R-25)" });
    const noViews = await refusal(recordMeeting(mediator, await posted(c.id, 1, { ...GOOD, childViewsHow: "SPOKEN_TO_BEFOREHAND", childViews: "  " })));
    expect((noViews as DomainError).fieldErrors).toEqual({ childViews: "Write down the child's or young person's views (R-25)" });

    // A meeting that has not started yet cannot be recorded.
    const today = todayInLondon();
    const future = await refusal(recordMeeting(mediator, await posted(c.id, 1, { ...GOOD, heldOn: today, startTime: "23:58", endTime: "23:59" }), null, londonInstant(today, 600)));
    expect((future as DomainError).fieldErrors).toEqual({ startTime: "The meeting cannot have started later than now. Check the date and the time it started." });

    // The lifecycle's own date rules still apply (R-73: not before the family agreed to take part).
    const early = await refusal(recordMeeting(mediator, await posted(c.id, 1, { ...GOOD, heldOn: "2025-05-21" })));
    expect((early as DomainError).fieldErrors).toEqual({ heldOn: "The date the meeting was held must be on or after 22 May 2025, the day Jane Family (parent or carer) agreed to take part (R-73)." });

    expect(await stateOf(c.id)).toEqual(before);
    expect(await db().meetingRecord.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db().caseNote.count({ where: { caseId: c.id } })).toBe(0);
    expect((await db().meeting.findUniqueOrThrow({ where: { id: c.meetingId } })).status).toBe("SCHEDULED");
  });

  it("the check step runs the same checks and writes nothing", async () => {
    const c = await bookedCase();
    const before = await stateOf(c.id);
    await checkMeetingRecord(mediator, await posted(c.id, 1, GOOD));
    expect(await stateOf(c.id)).toEqual(before);
    expect(await db().meetingRecord.count({ where: { caseId: c.id } })).toBe(0);
    const e = await refusal(checkMeetingRecord(mediator, await posted(c.id, 1, { ...GOOD, agreement: "" })));
    expect((e as DomainError).fieldErrors).toEqual({ agreement: "Choose whether the meeting reached full, partial or no agreement" });
  });

  it("a meeting whose date was recorded some other way asks how it was held, and gets its meeting row", async () => {
    const c = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id, dates: { meetingOn: "2025-02-04" } });
    const page = await getMeetingRecordPage(mediator, c.id);
    expect(page.form).toMatchObject({ askMode: true, privateNotes: true, defaults: { heldOn: "2025-02-04" } });
    const base = { ...GOOD, heldOn: "2025-02-04", "attendees.1.hasAuthority": "no", "attendees.3.name": "", "attendees.3.capacity": "", "attendees.3.organisation": "" };
    const e = await refusal(recordMeeting(mediator, await posted(c.id, 1, base)));
    expect((e as DomainError).fieldErrors).toEqual({ mode: "Choose how the meeting was held" });
    await recordMeeting(mediator, await posted(c.id, 1, { ...base, mode: "VENUE" }));
    const meeting = await db().meeting.findFirstOrThrow({ where: { caseId: c.id }, include: { record: { include: { attendees: true } } } });
    // Winter: 10:05 in London is 10:05 UTC.
    expect(meeting).toMatchObject({ kind: "JOINT_MEETING", mode: "VENUE", status: "HELD", mediatorId: mediator.id, startsAt: new Date("2025-02-04T10:05:00.000Z") });
    // the LA's representative is recorded as without authority.
    expect(meeting.record!.attendees.find((a) => a.capacity === "LA_OFFICER")?.hasAuthority).toBe(false);
  });

  it("the form starts from the booked meeting, the case's parties and what those invited answered", async () => {
    const c = await bookedCase("2025-06-12");
    await db().party.update({ where: { id: c.parties[1]!.id }, data: { hasAuthority: true } });
    await db().meetingAttendee.createMany({
      data: [
        { caseId: c.id, meetingId: c.meetingId, partyId: c.parties[0]!.id, response: "ACCEPTED" },
        { caseId: c.id, meetingId: c.meetingId, partyId: c.parties[1]!.id, response: "DECLINED" },
      ],
    });
    const page = await getMeetingRecordPage(mediator, c.id);
    expect(page.record).toBeNull();
    expect(page.form!.askMode).toBe(false);
    expect(page.form!.rows.map((r) => [r.label, r.capacity, r.hasAuthority, r.hint])).toEqual([
      ["Jane Family (parent or carer)", "PARENT", "", "Invited: said they would come"],
      ["Lee Officer (local authority representative)", "LA_OFFICER", "yes", "Invited: said they would not come"],
      ["Sam Supporter (supporter or advocate)", "SUPPORTER", "", "Not invited"],
      ["", "", "", null],
      ["", "", "", null],
      ["", "", "", null],
    ]);
    expect(page.form!.defaults).toMatchObject({ heldOn: "2025-06-12", startTime: "10:00", endTime: "12:30", "attendees.1.capacity": "LA_OFFICER", "attendees.1.hasAuthority": "yes" });
    // A case not at that step says why.
    const early = await makeCase({ status: "PREPARING", mediatorId: mediator.id });
    expect((await getMeetingRecordPage(mediator, early.id)).refusal).toContain("This can only be done when the case is: Meeting scheduled");
  });

  it("only the allocated mediator and the case team record it; only the mediator writes private notes", async () => {
    const c = await bookedCase();
    await expect(recordMeeting(mediator2, await posted(c.id, 1, GOOD))).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeeting(laOfficer, await posted(c.id, 1, GOOD))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordMeeting(parentUser, await posted(c.id, 1, GOOD))).rejects.toBeInstanceOf(ForbiddenError);
    const e = await refusal(recordMeeting(caseworker, await posted(c.id, 1, GOOD)));
    expect((e as DomainError).fieldErrors).toEqual({ privateNotes: "Only the mediator can write private notes." });
    expect((await getMeetingRecordPage(caseworker, c.id)).form?.privateNotes).toBe(false);
    const r = await recordMeeting(caseworker, await posted(c.id, 1, { ...GOOD, privateNotes: "" }));
    expect(r.status).toBe("MEETING_HELD");
    expect(await db().caseNote.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("the same form posted twice saves one record and says it was already done", async () => {
    const c = await bookedCase();
    const input = await posted(c.id, 1, GOOD);
    const [a, b] = [await recordMeeting(mediator, input), await recordMeeting(mediator, input)];
    expect(a.alreadyDone).toBeNull();
    expect(b).toMatchObject({ recordId: null, version: 2, status: "MEETING_HELD", alreadyDone: "This was already done: the meeting has been recorded as held." });
    expect(await db().meetingRecord.count({ where: { caseId: c.id } })).toBe(1);
    expect(await db().caseNote.count({ where: { caseId: c.id } })).toBe(1);

    // Twice at once: one is saved, the other says it was already done.
    const d = await bookedCase();
    const same = await posted(d.id, 1, GOOD);
    const both = await Promise.all([recordMeeting(mediator, same), recordMeeting(mediator, same)]);
    expect(both.map((x) => x.alreadyDone === null).sort()).toEqual([false, true]);
    expect(await db().meetingRecord.count({ where: { caseId: d.id } })).toBe(1);
    expect((await stateOf(d.id)).version).toBe(2);
  });

  it("the mediator's home lists the meeting until its record is written", async () => {
    const yesterday = addCalendarDays(todayInLondon(), -1);
    const c = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id, laId: la.id, dates: { meetingOn: yesterday } });
    expect((await getMediatorHome(mediator)).toRecord.map((x) => x.id)).toContain(c.id);
    await recordMeeting(mediator, await posted(c.id, 1, { ...GOOD, heldOn: yesterday, mode: "PHONE", "attendees.1.hasAuthority": "yes", "attendees.3.name": "", "attendees.3.capacity": "", "attendees.3.organisation": "" }));
    expect((await getMediatorHome(mediator)).toRecord.map((x) => x.id)).not.toContain(c.id);
  });
});
