/**
 * Issue 10, R-23: booking the joint meeting after the last day (day 30, R-20; the ICB's, R-21) —
 * a warning and a confirmation before anything is saved; then the case shows "Mediation could not
 * take place within 30 days" and the "could not be arranged" certificate falls due through the
 * deadline machinery, once (not again while it runs, nor once issued). After "not arranged", the
 * meeting held starts no second certificate. The last day passing with no meeting: the case says
 * so and asks staff to record it. DRS meetings have no clock and are unaffected.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { DomainError } from "@/lib/platform/errors";
import { addCalendarDays, formatLongDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { dueDateFor } from "@/lib/cases/deadlines/definitions";
import { getFindATime } from "@/lib/meetings/get-find-a-time";
import { bookJointMeeting } from "@/lib/meetings/book-joint-meeting";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { previewTransition } from "@/lib/cases/transition/preview-transition";
import { caseworker, deadlinesOf, fieldError, laOfficer, makeCase, mediator, openCaseDeadlines, recordMeetingHeld, refusal, setUpCaseFixtures, stateOf } from "../cases/fixtures";

setUpCaseFixtures();

const today = todayInLondon();
const certificateDue = dueDateFor("CERTIFICATE_NOT_ARRANGED", today);

/** LA told 25 days ago: the last day is in 5 days, before the first day with 5 clear working days' notice. */
async function shortClock(status: "ALLOCATED" | "PREPARING" | "MEETING_SCHEDULED" = "ALLOCATED") {
  const told = addCalendarDays(today, -25);
  const c = await makeCase({ status, mediatorId: mediator.id, consent: "GIVEN", dates: { laNotifiedOn: told }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told } });
  return { ...c, lastDay: addCalendarDays(told, 30) };
}
const openNotArranged = async (caseId: string) => (await deadlinesOf(caseId)).filter((d) => d.name === "CERTIFICATE_NOT_ARRANGED");

describe("booking after the last day from 'find a time'", () => {
  it("offers times after the last day only when asked, each after it; warns and asks for a reason and a confirmation, writing nothing until then", async () => {
    const c = await shortClock();
    const normal = await getFindATime(mediator, c.id);
    expect(normal).toMatchObject({ lastDay: c.lastDay, late: false, lateOffered: true });
    expect(normal.result!.clockTooShort).toBe(true);
    expect(normal.result!.slots).toEqual([]);

    const late = await getFindATime(mediator, c.id, { late: true });
    expect(late.late).toBe(true);
    expect(late.result!.slots.length).toBeGreaterThan(0);
    expect(late.result!.slots.every((s) => s.date > c.lastDay)).toBe(true);
    expect(late.result!.days.every((d) => d.date > c.lastDay)).toBe(true);

    const slot = late.result!.slots[0]!;
    const booking = { caseId: c.id, expectedVersion: 1, date: slot.date, startTime: slot.startTime, durationMinutes: 150, mode: "PHONE" as const };
    const before = await stateOf(c.id);
    const e = await refusal(bookJointMeeting(mediator, booking));
    expect(e).toBeInstanceOf(DomainError);
    expect(fieldError(e, "confirmAfterLastDay")).toBe(
      `The meeting is after ${formatLongDate(c.lastDay)}, the day mediation must take place by (R-20). Confirm that you want to book it: the case will show that mediation could not take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). The family can still mediate.`,
    );
    expect(fieldError(e, "lateReason")).toContain("say why it cannot be held by then (R-23)");
    // A reason without the confirmation is still refused.
    expect(fieldError(await refusal(bookJointMeeting(mediator, { ...booking, lateReason: "The family is away until then" })), "confirmAfterLastDay")).toBeDefined();
    expect(await stateOf(c.id)).toEqual(before);
    expect(await db().meeting.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("once confirmed: booked; the certificate falls due from today (once), the case says it could not take place within 30 days, audited and on the timeline", async () => {
    const c = await shortClock();
    const slot = (await getFindATime(caseworker, c.id, { late: true })).result!.slots[0]!;
    const r = await bookJointMeeting(caseworker, {
      caseId: c.id,
      expectedVersion: 1,
      date: slot.date,
      startTime: slot.startTime,
      durationMinutes: 150,
      mode: "PHONE",
      lateReason: "The LA representative with authority is away",
      confirmAfterLastDay: true,
    });
    expect(r).toMatchObject({ afterDeadline: true, notArrangedStarted: true, version: 2 });

    const s = await stateOf(c.id);
    expect(s.status).toBe("MEETING_SCHEDULED");
    expect(isoFromDbDate(s.meetingOn!)).toBe(slot.date);
    expect(await openNotArranged(c.id)).toEqual([{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: certificateDue, closedOn: null, outcome: null }]);
    const row = await db().caseDeadline.findFirstOrThrow({ where: { caseId: c.id, name: "CERTIFICATE_NOT_ARRANGED" } });
    expect(isoFromDbDate(row.triggerOn)).toBe(today);
    // The certificate is now the case's next deadline (the case list sorts and filters on it).
    expect(isoFromDbDate(s.nextDeadlineOn!)).toBe(certificateDue);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.meeting_scheduled" } });
    expect(audit.after).toMatchObject({ status: "MEETING_SCHEDULED", deadlinesStarted: ["CERTIFICATE_NOT_ARRANGED"] });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "MEETING_SCHEDULED" } });
    expect(event).toMatchObject({ rule: "R-23", visibility: "SHARED" });
    expect(event.summary).toContain("after the last day: mediation could not take place within 30 days");

    const staff = await getCaseDetail(caseworker, c.id);
    expect(staff.notWithin30Days).toEqual([
      "Mediation could not take place within 30 days.",
      `The meeting is booked for ${formatLongDate(slot.date)}, after ${formatLongDate(c.lastDay)}, the day it had to take place by (R-20).`,
      `A “could not be arranged” certificate is due by ${formatLongDate(certificateDue)} (R-23).`,
      "The family can still take part in mediation.",
    ]);
    expect(staff.transitions.map((t) => t.name)).toContain("issueNotArrangedCertificate");
    // The LA officer reads the same, without rule ids.
    expect((await getCaseDetail(laOfficer, c.id)).notWithin30Days).toEqual([
      "Mediation could not take place within 30 days.",
      `The meeting is booked for ${formatLongDate(slot.date)}, after ${formatLongDate(c.lastDay)}, the day it had to take place by.`,
      `A “could not be arranged” certificate is due by ${formatLongDate(certificateDue)}.`,
      "The family can still take part in mediation.",
    ]);

    // Moved again, still after the last day: no second certificate deadline.
    const next = (await getFindATime(caseworker, c.id, { late: true })).result!.slots.find((x) => x.start.getTime() !== slot.start.getTime())!;
    const moved = await bookJointMeeting(caseworker, { caseId: c.id, expectedVersion: 2, date: next.date, startTime: next.startTime, durationMinutes: 150, mode: "PHONE", lateReason: "Still away", confirmAfterLastDay: true });
    expect(moved).toMatchObject({ moved: true, notArrangedStarted: false });
    expect(await openNotArranged(c.id)).toHaveLength(1);
  });

  it("not again once the certificate was issued: the case says it was", async () => {
    const c = await shortClock("PREPARING");
    await transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: today });
    await transitionCase(caseworker, c.id, "issueNotArrangedCertificate", 2, { issuedOn: today });
    const slot = (await getFindATime(caseworker, c.id, { late: true })).result!.slots[0]!;
    const r = await bookJointMeeting(caseworker, { caseId: c.id, expectedVersion: 3, date: slot.date, startTime: slot.startTime, durationMinutes: 150, mode: "PHONE", lateReason: "Family still wants to mediate", confirmAfterLastDay: true });
    expect(r).toMatchObject({ afterDeadline: true, notArrangedStarted: false });
    expect(await openNotArranged(c.id)).toEqual([{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: certificateDue, closedOn: today, outcome: "MET" }]);
    expect((await getCaseDetail(caseworker, c.id)).notWithin30Days).toContain(`The “could not be arranged” certificate was issued on ${formatLongDate(today)} (R-23).`);
  });
});

describe("booking after the last day on 'record a meeting date arranged some other way'", () => {
  it("the check step says the certificate will be due (the page asks to confirm); before the last day nothing starts", async () => {
    const c = await shortClock("PREPARING");
    const lateDay = addCalendarDays(c.lastDay, 7);
    const preview = await previewTransition(caseworker, c.id, "scheduleMeeting", 1, { meetingOn: lateDay, shortNoticeAgreed: false });
    expect(preview.plan.starts).toEqual(["CERTIFICATE_NOT_ARRANGED"]);
    expect(preview.starts).toEqual([`Certificate (could not be arranged) due by ${formatLongDate(certificateDue)}`]);
    expect(preview.warnings[1]).toBe(`Mediation could not take place within 30 days, so a “could not be arranged” certificate is due by ${formatLongDate(certificateDue)} (R-23).`);
    expect(await stateOf(c.id)).toMatchObject({ version: 1, status: "PREPARING" });

    const onTime = await shortClock("PREPARING");
    const ok = await previewTransition(caseworker, onTime.id, "scheduleMeeting", 1, { meetingOn: onTime.lastDay, shortNoticeAgreed: true });
    expect(ok.plan.starts).toEqual([]);

    const r = await transitionCase(caseworker, c.id, "scheduleMeeting", 1, { meetingOn: lateDay, shortNoticeAgreed: false });
    expect(r.warnings).toHaveLength(2);
    expect(await openNotArranged(c.id)).toEqual([{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: certificateDue, closedOn: null, outcome: null }]);
  });
});

describe("one certificate after 'not arranged' followed by the meeting (R-23, R-30)", () => {
  it("the meeting held starts no after-mediation certificate; 'Issue certificate' meets the one due, late as it is", async () => {
    const c = await makeCase({ status: "MEETING_SCHEDULED", mediatorId: mediator.id, consent: "GIVEN", consentOn: "2025-03-27", dates: { laNotifiedOn: "2025-03-26", meetingOn: "2025-04-28" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await openCaseDeadlines(c.id, ["CERTIFICATE_NOT_ARRANGED"], "2025-04-14");
    await recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-04-28", agreement: "NONE" });
    expect((await deadlinesOf(c.id)).filter((d) => d.closedOn === null)).toEqual([{ name: "CERTIFICATE_NOT_ARRANGED", dueOn: "2025-04-17", closedOn: null, outcome: null }]);
    const detail = await getCaseDetail(caseworker, c.id);
    expect(detail.transitions.map((t) => t.name)).toContain("issueCertificate");
    expect(detail.transitions.map((t) => t.name)).not.toContain("issueNotArrangedCertificate");

    await transitionCase(caseworker, c.id, "issueCertificate", 2, { issuedOn: "2025-04-29" });
    const all = await deadlinesOf(c.id);
    expect(all.map((d) => d.name)).not.toContain("CERTIFICATE_AFTER_MEDIATION");
    expect(all.find((d) => d.name === "CERTIFICATE_NOT_ARRANGED")).toMatchObject({ closedOn: "2025-04-29", outcome: "MISSED" });
    expect((await stateOf(c.id)).status).toBe("CERTIFICATE_ISSUED");
  });
});

describe("the last day passes with no meeting held", () => {
  it("the case says so; staff are asked to record it, and once recorded the certificate due is shown", async () => {
    const told = addCalendarDays(today, -35);
    const lastDay = addCalendarDays(told, 30);
    const c = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, consent: "GIVEN", dates: { laNotifiedOn: told }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told } });
    const staff = await getCaseDetail(caseworker, c.id);
    expect(staff.deadlines.open.find((d) => d.name === "MEDIATION_30_DAY")!.state).toBe("OVERDUE");
    expect(staff.notWithin30Days).toEqual([
      "Mediation could not take place within 30 days.",
      `${formatLongDate(lastDay)}, the day it had to take place by, has passed and the meeting has not been held (R-20).`,
      "Record that mediation cannot be arranged within 30 days: a “could not be arranged” certificate is then due within 3 working days (R-23).",
      "The family can still take part in mediation.",
    ]);
    expect(staff.transitions.map((t) => t.name)).toContain("recordNotArranged");
    // The LA officer is not asked to do anything.
    expect((await getCaseDetail(laOfficer, c.id)).notWithin30Days).toHaveLength(3);

    await transitionCase(caseworker, c.id, "recordNotArranged", 1, { toldOn: today });
    expect((await getCaseDetail(caseworker, c.id)).notWithin30Days![2]).toBe(`A “could not be arranged” certificate is due by ${formatLongDate(certificateDue)} (R-23).`);
  });

  it("not before the last day, and never for DRS: a DRS meeting is booked with no clock, no confirmation and no certificate", async () => {
    const onTrack = await makeCase({ status: "ALLOCATED", mediatorId: mediator.id, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: addCalendarDays(today, -3) } });
    expect((await getCaseDetail(caseworker, onTrack.id)).notWithin30Days).toBeNull();

    const drs = await makeCase({ kind: "DRS", status: "ALLOCATED", mediatorId: mediator.id });
    const page = await getFindATime(mediator, drs.id, { late: true });
    expect(page).toMatchObject({ lastDay: null, late: false, lateOffered: false });
    const far = addCalendarDays(today, 60);
    const r = await bookJointMeeting(mediator, { caseId: drs.id, expectedVersion: 1, date: far, startTime: "10:00", durationMinutes: 120, mode: "PHONE" });
    expect(r).toMatchObject({ afterDeadline: false, notArrangedStarted: false });
    expect(await deadlinesOf(drs.id)).toEqual([]);
    expect(await db().meeting.findUniqueOrThrow({ where: { id: r.meetingId } })).toMatchObject({ kind: "DRS_MEETING" });
    expect((await getCaseDetail(caseworker, drs.id)).notWithin30Days).toBeNull();
  });
});
