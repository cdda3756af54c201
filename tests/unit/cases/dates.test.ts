/**
 * Issue 8 (pure parts): the order of a case's recorded dates (lib/cases/date-order.ts, read from the
 * transition table's `notBefore`), how late a missed deadline was (definitions.ts) and the
 * "will be missed" state (state.ts).
 */
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "@/lib/deadlines";
import { CASE_DATE_NAMES, TRANSITIONS, getTransition, type CaseParty, type CaseSnapshot } from "@/lib/cases/lifecycle";
import { answerDateProblem, correctedDateProblems, notAfterProblem, notBeforeProblem, transitionDateProblem } from "@/lib/cases/date-order";
import { DEADLINES, LATE_ON_NON_WORKING_DAY_COUNTS_AS_NEXT_WORKING_DAY, daysLate } from "@/lib/cases/deadlines/definitions";
import { closedOutcomeText, deadlineState, deadlineStateFrom, deadlineThresholds, willBeMissed } from "@/lib/cases/deadlines/state";

const family = (consentOn: string | null, consent: CaseParty["consent"] = "GIVEN"): CaseParty => ({ id: "p-fam", name: "Jane Smith", kind: "PARENT", consent, consentOn });

function snap(over: Partial<CaseSnapshot> = {}, dates: Partial<NonNullable<CaseSnapshot["dates"]>> = {}): CaseSnapshot {
  return {
    id: "case-1",
    kind: "MEDIATION",
    status: "MEETING_SCHEDULED",
    allocatedMediatorId: "u-med",
    hasHealthIssue: false,
    parties: [family("2025-11-27")],
    dates: { decisionSentOn: null, laNotifiedOn: null, meetingOn: null, heldOn: null, openDeadlineDates: {}, ...dates },
    ...over,
  };
}

const problem = (name: string, s: CaseSnapshot, record: Record<string, unknown>) => transitionDateProblem(getTransition(name)!, s, record);

describe("the transition table's `notBefore`", () => {
  it("names only known case dates, and only on date inputs", () => {
    for (const t of TRANSITIONS) {
      for (const i of [...t.requires, ...(t.accepts ?? [])]) {
        if (!i.notBefore) continue;
        expect(i.type, `${t.name}.${i.name}`).toBe("date");
        for (const n of i.notBefore) expect(CASE_DATE_NAMES).toContain(n);
      }
    }
  });

  it("keeps every certificate on or after its trigger (R-30), and the meeting after the LA was told and the family agreed", () => {
    for (const t of TRANSITIONS.filter((x) => x.stops.some((d) => DEADLINES[d].certificate))) {
      expect(t.requires.find((i) => i.type === "date")?.notBefore, t.name).toContain("stoppedTriggers");
    }
    expect(getTransition("recordMeetingHeld")!.requires[0]!.notBefore).toEqual(expect.arrayContaining(["laNotifiedOn", "consentGiven"]));
    expect(getTransition("issueCertificate")!.requires[0]!.notBefore).toContain("heldOn");
  });
});

describe("transitionDateProblem", () => {
  const told27 = snap({}, { laNotifiedOn: "2025-11-27" });

  it("refuses a meeting held before the LA was told, naming the date and its rule (R-20)", () => {
    expect(problem("recordMeetingHeld", told27, { heldOn: "2025-11-26" })).toEqual({
      field: "heldOn",
      message: "The date the meeting was held must be on or after 27 November 2025, the day the LA was told (R-20).",
    });
    expect(problem("recordMeetingHeld", told27, { heldOn: "2025-11-27" })).toBeNull();
  });

  it("names the latest date it must follow; on a tie, the first the table lists", () => {
    const s = snap({ parties: [family("2025-11-29")] }, { decisionSentOn: "2025-11-01", laNotifiedOn: "2025-11-27" });
    expect(problem("recordMeetingHeld", s, { heldOn: "2025-11-20" })?.message).toBe(
      "The date the meeting was held must be on or after 29 November 2025, the day Jane Smith (parent or carer) agreed to take part (R-73).",
    );
    const tie = snap({ parties: [family("2025-11-27")] }, { laNotifiedOn: "2025-11-27" });
    expect(problem("recordMeetingHeld", tie, { heldOn: "2025-11-26" })?.message).toContain("the day the LA was told (R-20)");
  });

  it("counts the latest agreement of the parties whose agreement is needed: the family for mediation, every party but supporters for DRS", () => {
    const la: CaseParty = { id: "p-la", name: "Northshire County Council", kind: "LA", consent: "GIVEN", consentOn: "2025-12-05" };
    const supporter: CaseParty = { id: "p-sup", name: "Sam Advocate", kind: "SUPPORTER", consent: "GIVEN", consentOn: "2025-12-20" };
    const parties = [family("2025-12-01"), la, supporter];
    // Mediation: only the family's agreement is needed (R-01; the LA must take part, R-05).
    expect(problem("recordMeetingHeld", snap({ parties }), { heldOn: "2025-12-02" })).toBeNull();
    // DRS: everyone's agreement is needed, but not a supporter's.
    expect(problem("recordMeetingHeld", snap({ kind: "DRS", parties }), { heldOn: "2025-12-02" })?.message).toContain(
      "on or after 5 December 2025, the day Northshire County Council (local authority representative) agreed to take part (R-73)",
    );
    // A pending answer, or one with no date, sets no bound.
    expect(problem("recordMeetingHeld", snap({ parties: [family(null), { ...family("2025-12-30"), consent: "PENDING" }] }), { heldOn: "2025-12-02" })).toBeNull();
  });

  it("keeps a certificate on or after the trigger of the deadline it meets (R-30)", () => {
    const s = snap({ status: "MEETING_HELD" }, { heldOn: "2025-11-24", openDeadlineDates: { CERTIFICATE_AFTER_MEDIATION: { triggerOn: "2025-11-24", dueOn: "2025-11-27" } } });
    expect(problem("issueCertificate", s, { issuedOn: "2025-11-20" })?.message).toBe("The date of issue must be on or after 24 November 2025, the day the meeting was held (R-30).");
    const adviceOnly = snap({ status: "ADVICE_ONLY" }, { openDeadlineDates: { CERTIFICATE_ADVICE_ONLY: { triggerOn: "2025-04-02", dueOn: "2025-04-07" } } });
    expect(problem("issueCertificate", adviceOnly, { issuedOn: "2025-04-01" })?.message).toBe(
      "The date of issue must be on or after 2 April 2025, the day we were told the family does not want (or no longer wants) mediation (R-11).",
    );
  });

  it("checks nothing when the snapshot carries no dates, or the date is not recorded", () => {
    expect(problem("recordMeetingHeld", { ...told27, dates: undefined }, { heldOn: "2000-01-01" })).toBeNull();
    expect(problem("startContacting", snap(), { laNotifiedOn: "2000-01-01" })).toBeNull();
    expect(problem("startContacting", snap({}, { decisionSentOn: "2025-03-10" }), { laNotifiedOn: "2025-03-10" })).toBeNull();
  });
});

describe("messages", () => {
  const b = [
    { on: "2025-03-10", what: "the day the decision notice was sent", rule: "R-10" },
    { on: "2025-03-26", what: "the day the LA was told", rule: "R-20" },
  ];
  it("words 'on or after' with the latest bound, and 'on or before' with the earliest", () => {
    expect(notBeforeProblem("Date of issue", "2025-03-01", b)).toBe("The date of issue must be on or after 26 March 2025, the day the LA was told (R-20).");
    expect(notBeforeProblem("Date of issue", "2025-03-26", b)).toBeNull();
    expect(notAfterProblem("Date they told us", "2025-04-01", b)).toBe("The date they told us must be on or before 10 March 2025, the day the decision notice was sent (R-10).");
    expect(notAfterProblem("Date they told us", "2025-03-10", b)).toBeNull();
  });

  it("an answer falls between the decision notice and the meeting held (R-10, R-30), not necessarily after the LA was told", () => {
    const recorded = { decisionSentOn: "2025-03-10", heldOn: "2025-04-24" };
    expect(answerDateProblem("Date they told us", "2025-03-09", recorded)).toContain("on or after 10 March 2025");
    expect(answerDateProblem("Date they told us", "2025-04-25", recorded)).toContain("on or before 24 April 2025, the day the meeting was held (R-30)");
    expect(answerDateProblem("Date they told us", "2025-03-11", recorded)).toBeNull();
  });

  it("a corrected decision or LA-told date is checked both ways, only when it changed", () => {
    const labels = { decisionSentOn: "Date the decision notice was sent", laNotifiedOn: "Date the LA was told the family wants mediation" };
    const recorded = {
      meetingOn: "2025-04-20",
      heldOn: null,
      parties: [family("2025-03-28")],
      deadlines: [
        { name: "HEALTH_NOTIFICATION", triggerOn: "2025-03-26", closedOn: "2025-03-28", outcome: "MET" },
        { name: "CERTIFICATE_NOT_ARRANGED", triggerOn: "2025-04-02", closedOn: "2025-04-10", outcome: "REPLACED" },
      ],
    };
    expect(correctedDateProblems({ decisionSentOn: "2025-03-27", laNotifiedOn: "2025-03-26" }, ["decisionSentOn"], recorded, labels)).toEqual({
      decisionSentOn: "The date the decision notice was sent must be on or before 26 March 2025, the day the LA was told (R-20).",
    });
    expect(correctedDateProblems({ decisionSentOn: "2025-03-27", laNotifiedOn: "2025-03-26" }, ["summary"], recorded, labels)).toEqual({});
    // The health body was told on 28 March; a replaced deadline no longer counts.
    expect(correctedDateProblems({ decisionSentOn: "", laNotifiedOn: "2025-03-29" }, ["laNotifiedOn"], recorded, labels)).toEqual({
      laNotifiedOn: "The date the LA was told the family wants mediation must be on or before 28 March 2025, the day the LA told the health commissioning body (R-21).",
    });
    expect(correctedDateProblems({ decisionSentOn: "", laNotifiedOn: "2025-03-27" }, ["laNotifiedOn"], recorded, labels)).toEqual({});
  });
});

describe("how late a missed deadline was, in the unit its rule counts", () => {
  it("counts calendar days for the 30-day clock (R-20, R-62)", () => {
    expect(DEADLINES.MEDIATION_30_DAY.counts).toBe("CALENDAR_DAYS");
    expect(daysLate("MEDIATION_30_DAY", "2025-04-25", "2025-04-25")).toBe(0);
    expect(daysLate("MEDIATION_30_DAY", "2025-04-25", "2025-04-28")).toBe(3);
  });

  it("counts working days for the certificates and the health notification (R-30, R-21, R-61), skipping bank holidays", () => {
    for (const n of ["HEALTH_NOTIFICATION", "CERTIFICATE_ADVICE_ONLY", "CERTIFICATE_AFTER_MEDIATION", "CERTIFICATE_NOT_ARRANGED"] as const) expect(DEADLINES[n].counts).toBe("WORKING_DAYS");
    // Due Tue 29 April 2025; Mon 5 May 2025 is the early May bank holiday.
    expect(daysLate("CERTIFICATE_AFTER_MEDIATION", "2025-04-29", "2025-04-30")).toBe(1);
    expect(daysLate("CERTIFICATE_AFTER_MEDIATION", "2025-04-29", "2025-05-06")).toBe(4);
    // Due Tue 23 Dec 2025, issued Mon 29 Dec: Wed 24 (1), Christmas and Boxing Day and the weekend skipped, Mon 29 (2).
    expect(daysLate("CERTIFICATE_ADVICE_ONLY", "2025-12-23", "2025-12-29")).toBe(2);
  });

  it("(C) counts something done on a weekend after a Friday due date as done on the Monday: 1 working day late", () => {
    expect(LATE_ON_NON_WORKING_DAY_COUNTS_AS_NEXT_WORKING_DAY).toBe(true);
    expect(daysLate("CERTIFICATE_AFTER_MEDIATION", "2025-05-02", "2025-05-03")).toBe(1);
    expect(daysLate("CERTIFICATE_AFTER_MEDIATION", "2025-05-02", "2025-05-06")).toBe(1);
  });

  it("words a closed deadline for the case page", () => {
    expect(closedOutcomeText("MEDIATION_30_DAY", "MISSED", 3)).toBe("Missed by 3 calendar days");
    expect(closedOutcomeText("MEDIATION_30_DAY", "MISSED", 1)).toBe("Missed by 1 calendar day");
    expect(closedOutcomeText("CERTIFICATE_AFTER_MEDIATION", "MISSED", 2)).toBe("Missed by 2 working days");
    expect(closedOutcomeText("HEALTH_NOTIFICATION", "MISSED", 1)).toBe("Missed by 1 working day");
    expect(closedOutcomeText("CERTIFICATE_AFTER_MEDIATION", "MET", null)).toBe("Met");
    expect(closedOutcomeText("MEDIATION_30_DAY", "CANCELLED", null)).toBe("No longer applies");
    expect(closedOutcomeText("MEDIATION_30_DAY", "REPLACED", null)).toBe("Replaced by a corrected date");
  });
});

describe("will be missed (R-20)", () => {
  it("applies to the 30-day deadline when the meeting is booked after its due date, unless it is already overdue", () => {
    const today = "2026-03-06";
    expect(deadlineState("2026-04-01", today, { name: "MEDIATION_30_DAY", meetingOn: "2026-04-02" })).toBe("WILL_BE_MISSED");
    expect(deadlineState("2026-04-01", today, { name: "MEDIATION_30_DAY", meetingOn: "2026-04-01" })).toBe("ON_TRACK");
    expect(deadlineState("2026-04-01", today, { name: "MEDIATION_30_DAY", meetingOn: null })).toBe("ON_TRACK");
    expect(deadlineState("2026-04-01", today, { name: "CERTIFICATE_AFTER_MEDIATION", meetingOn: "2026-04-02" })).toBe("ON_TRACK");
    expect(deadlineState("2026-03-05", today, { name: "MEDIATION_30_DAY", meetingOn: "2026-04-02" })).toBe("OVERDUE");
    expect(willBeMissed("MEDIATION_30_DAY", "2026-03-09", "2026-03-10")).toBe(true);
  });

  it("gives the same state from the list's date boundaries as per deadline, meeting or not", () => {
    for (let i = 0; i < 40; i++) {
      const today = addCalendarDays("2025-12-01", i);
      const t = deadlineThresholds(today);
      for (let j = -2; j < 15; j++) {
        const due = addCalendarDays(today, j);
        for (const meetingOn of [null, addCalendarDays(due, -1), due, addCalendarDays(due, 1)]) {
          const context = { name: "MEDIATION_30_DAY", meetingOn };
          expect(deadlineStateFrom(due, t, context), `due ${due}, today ${today}, meeting ${meetingOn}`).toBe(deadlineState(due, today, context));
        }
      }
    }
  });
});
