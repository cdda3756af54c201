/**
 * Issue 8, item 2, on a real PostgreSQL: a deadline closed after its due date is MISSED (never
 * MET) with how late, in the unit its rule counts; a meeting booked after day 30 makes the 30-day
 * deadline "Will be missed" at once, on the case page and in the case list alike.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db";
import { addCalendarDays, dbDateFromIso, formatDate, formatLongDate, isoFromDbDate, todayInLondon } from "@/lib/deadlines";
import { transitionCase } from "@/lib/cases/transition/transition-case";
import { getTransitionPage } from "@/lib/cases/transition/get-transition-page";
import { getCaseDetail } from "@/lib/cases/details/get-case-detail";
import { listCases } from "@/lib/cases/list/list-cases";
import { DEADLINE_STATES } from "@/lib/cases/deadlines/state";
import { caseworker, la, laOfficer, makeCase, mediator, recordMeetingHeld, setUpCaseFixtures } from "./fixtures";

setUpCaseFixtures();

const rowsOf = (caseId: string) =>
  db()
    .caseDeadline.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { name: true, closedOn: true, outcome: true, daysLate: true } })
    .then((rows) => rows.map((d) => ({ ...d, closedOn: d.closedOn ? isoFromDbDate(d.closedOn) : null })));

describe("a deadline closed after its due date is MISSED, with how late", () => {
  it("R-20: LA told 26 March 2025 (due 25 April), meeting held Monday 28 April → missed by 3 calendar days, never met", async () => {
    const c = await makeCase({
      status: "MEETING_SCHEDULED",
      mediatorId: mediator.id,
      dates: { laNotifiedOn: "2025-03-26", meetingOn: "2025-04-28" },
      deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" },
    });
    const r = await recordMeetingHeld(mediator, c.id, 1, { heldOn: "2025-04-28", agreement: "FULL" });
    expect(r.missed).toEqual([{ name: "MEDIATION_30_DAY", dueOn: "2025-04-25", daysLate: 3 }]);
    expect(await rowsOf(c.id)).toEqual([
      { name: "MEDIATION_30_DAY", closedOn: "2025-04-28", outcome: "MISSED", daysLate: 3 },
      { name: "CERTIFICATE_AFTER_MEDIATION", closedOn: null, outcome: null, daysLate: null },
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.meeting_held" } });
    expect(audit.after).toMatchObject({ deadlinesStopped: ["MEDIATION_30_DAY"], deadlinesMissed: [{ name: "MEDIATION_30_DAY", dueOn: "2025-04-25", daysLate: 3 }] });

    // The case page says so, to staff and to the LA alike.
    for (const user of [caseworker, laOfficer]) {
      const closed = (await getCaseDetail(user, c.id)).deadlines.closed;
      expect(closed).toEqual([expect.objectContaining({ name: "MEDIATION_30_DAY", outcome: "MISSED", daysLate: 3, outcomeText: "Missed by 3 calendar days", closedOn: "2025-04-28" })]);
    }
  });

  it("R-30: certificate due Tuesday 29 April 2025, issued Tuesday 6 May → missed by 4 working days (the early May bank holiday not counted)", async () => {
    const c = await makeCase({ status: "MEETING_HELD", dates: { laNotifiedOn: "2025-03-26", heldOn: "2025-04-24" }, deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" } });
    const r = await transitionCase(caseworker, c.id, "issueCertificate", 1, { issuedOn: "2025-05-06" });
    expect(r.missed).toEqual([{ name: "CERTIFICATE_AFTER_MEDIATION", dueOn: "2025-04-29", daysLate: 4 }]);
    expect(await rowsOf(c.id)).toEqual([{ name: "CERTIFICATE_AFTER_MEDIATION", closedOn: "2025-05-06", outcome: "MISSED", daysLate: 4 }]);
    const [closed] = (await getCaseDetail(caseworker, c.id)).deadlines.closed;
    expect(closed).toMatchObject({ outcome: "MISSED", daysLate: 4, outcomeText: "Missed by 4 working days" });
  });

  it("R-21: health body due Monday 31 March 2025, told Tuesday 1 April → missed by 1 working day", async () => {
    const c = await makeCase({
      status: "CONTACTING_PARTIES",
      issues: ["EDUCATION", "HEALTH"],
      dates: { laNotifiedOn: "2025-03-26" },
      deadlines: { names: ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"], triggerOn: "2025-03-26" },
    });
    await transitionCase(caseworker, c.id, "recordHealthNotified", 1, { notifiedOn: "2025-04-01" });
    expect((await rowsOf(c.id)).find((d) => d.name === "HEALTH_NOTIFICATION")).toEqual({ name: "HEALTH_NOTIFICATION", closedOn: "2025-04-01", outcome: "MISSED", daysLate: 1 });
    expect((await getCaseDetail(caseworker, c.id)).deadlines.closed[0]).toMatchObject({ outcomeText: "Missed by 1 working day" });
  });

  it("done on the due date is met; a deadline that no longer applies is cancelled, however late", async () => {
    const met = await makeCase({ status: "MEETING_HELD", dates: { heldOn: "2025-04-24" }, deadlines: { names: ["CERTIFICATE_AFTER_MEDIATION"], triggerOn: "2025-04-24" } });
    expect((await transitionCase(caseworker, met.id, "issueCertificate", 1, { issuedOn: "2025-04-29" })).missed).toEqual([]);
    expect(await rowsOf(met.id)).toEqual([{ name: "CERTIFICATE_AFTER_MEDIATION", closedOn: "2025-04-29", outcome: "MET", daysLate: null }]);
    expect((await getCaseDetail(caseworker, met.id)).deadlines.closed[0]).toMatchObject({ outcomeText: "Met" });

    const withdrawn = await makeCase({ status: "AWAITING_CONSENT", dates: { laNotifiedOn: "2025-03-26" }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: "2025-03-26" } });
    await transitionCase(caseworker, withdrawn.id, "withdraw", 1, { toldOn: "2025-05-02", reason: "Going to appeal", certificateRequested: true });
    expect((await rowsOf(withdrawn.id))[0]).toEqual({ name: "MEDIATION_30_DAY", closedOn: "2025-05-02", outcome: "CANCELLED", daysLate: null });
    expect((await getCaseDetail(caseworker, withdrawn.id)).deadlines.closed[0]).toMatchObject({ outcomeText: "No longer applies" });
  });
});

describe("a meeting booked after day 30 will miss the 30-day deadline (R-20), and says so at once", () => {
  it("shows 'Will be missed' on the case page and in the case list rows and filter, and warns when booking", async () => {
    const today = todayInLondon();
    const told = addCalendarDays(today, -10);
    const due = addCalendarDays(told, 30);
    const c = await makeCase({ status: "PREPARING", mediatorId: mediator.id, dates: { laNotifiedOn: told }, deadlines: { names: ["MEDIATION_30_DAY"], triggerOn: told } });
    // The family already has its "could not be arranged" certificate, so booking after day
    // 30 starts no second one: the 30-day clock stays the next deadline (issue 10, R-23 is tested in
    // tests/integration/meetings/after-last-day.test.ts).
    await db().caseDeadline.create({
      data: { caseId: c.id, name: "CERTIFICATE_NOT_ARRANGED", rule: "R-23", triggerOn: dbDateFromIso(told), dueOn: dbDateFromIso(addCalendarDays(told, 3)), closedOn: dbDateFromIso(addCalendarDays(told, 2)), outcome: "MET" },
    });
    const inList = async (deadline?: (typeof DEADLINE_STATES)[number]) => (await listCases(caseworker, { la: la.id, q: c.reference, ...(deadline ? { deadline } : {}) })).rows;
    const stateOnPage = async () => (await getCaseDetail(caseworker, c.id)).deadlines.open.find((d) => d.name === "MEDIATION_30_DAY")!;

    // Before booking: on track, on the page and in the list.
    expect((await stateOnPage()).state).toBe("ON_TRACK");
    expect((await inList())[0]).toMatchObject({ deadlineState: "ON_TRACK" });

    // The schedule page says when mediation must take place by, and that a later date is allowed.
    const page = await getTransitionPage(mediator, c.id, "scheduleMeeting");
    expect(page.warning).toBe(
      `Mediation must take place by ${formatLongDate(due)} (R-20). You can still book a later date, because the family may mediate after day 30 (R-23), but the 30-day deadline will then be missed, the case will show that mediation could not take place within 30 days, and a “could not be arranged” certificate will be due within 3 working days (R-23). You will be asked to confirm.`,
    );

    // Booking after day 30 is allowed, with a warning.
    const late = addCalendarDays(due, 5);
    const r = await transitionCase(mediator, c.id, "scheduleMeeting", 1, { meetingOn: late });
    expect(r.status).toBe("MEETING_SCHEDULED");
    expect(r.warnings).toEqual([
      `The meeting on ${formatDate(late)} is after ${formatDate(due)}, the day mediation must take place by, so the 30-day deadline will be missed (R-20). The family may still mediate after day 30 (R-23).`,
    ]);

    // At once: the case page …
    expect(await stateOnPage()).toMatchObject({
      dueOn: due,
      state: "WILL_BE_MISSED",
      stateLabel: "Will be missed",
      stateNote: `The meeting is booked for ${formatDate(late)}, after this date (R-20).`,
    });
    // … the LA's view of it …
    expect((await getCaseDetail(laOfficer, c.id)).deadlines.open[0]).toMatchObject({ state: "WILL_BE_MISSED", stateLabel: "Will be missed" });
    // … and the case list: the row, and exactly one deadline filter.
    expect((await inList())[0]).toMatchObject({ reference: c.reference, nextDeadlineOn: due, deadlineState: "WILL_BE_MISSED", deadlineStateLabel: "Will be missed" });
    for (const state of DEADLINE_STATES) expect((await inList(state)).map((x) => x.id), state).toEqual(state === "WILL_BE_MISSED" ? [c.id] : []);

    // Moved back to the last permitted day: no longer missed, on the page and in the list alike.
    const r2 = await transitionCase(mediator, c.id, "scheduleMeeting", 2, { meetingOn: due });
    expect(r2.warnings).toEqual([]);
    const back = (await stateOnPage()).state;
    expect(back === "DUE_SOON" || back === "ON_TRACK").toBe(true);
    expect((await inList())[0]!.deadlineState).toBe(back);
    expect(await inList("WILL_BE_MISSED")).toEqual([]);
    expect((await inList(back!)).map((x) => x.id)).toEqual([c.id]);
  });
});
