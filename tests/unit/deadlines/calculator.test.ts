import { describe, expect, it } from "vitest";

import { CALCULATOR_MESSAGES, calculateDeadlines, type CalculatorResult } from "@/lib/deadlines/calculator";

const TODAY = "2026-01-15";

function dates(result: CalculatorResult) {
  if (!result.ok) throw new Error(`expected dates, got errors ${JSON.stringify(result.errors)}`);
  return result;
}

function errors(result: CalculatorResult) {
  if (result.ok) throw new Error(`expected errors, got dates ${JSON.stringify(result.dates)}`);
  return result.errors;
}

function appealOf(result: CalculatorResult) {
  const appeal = dates(result).dates.find((d) => d.kind === "APPEAL");
  if (!appeal) throw new Error("no appeal date");
  return appeal;
}

function adviserOf(result: CalculatorResult) {
  const adviser = dates(result).dates.find((d) => d.kind === "ADVISER_CONTACT");
  if (!adviser) throw new Error("no adviser date");
  return adviser;
}

describe("calculateDeadlines: the dates shown to a family", () => {
  it("R-54: decision sent 3 Feb 2025 and certificate 29 Apr 2025 give an appeal deadline of Thursday 29 May 2025", () => {
    const r = dates(calculateDeadlines({ decision: "2025-02-03", certificate: "2025-04-29" }, TODAY));
    expect(r.dates.map((d) => d.kind)).toEqual(["ADVISER_CONTACT", "APPEAL"]);
    const appeal = appealOf(r);
    expect(appeal.date).toBe("2025-05-29");
    expect(appeal.longDate).toBe("Thursday 29 May 2025");
    expect(appeal.explanation).toBe(
      "2 months after the decision letter was sent on Monday 3 February 2025 is 3 April 2025 and 1 month after your certificate was issued on Tuesday 29 April 2025 is 29 May 2025; the later one, 29 May 2025, applies.",
    );
    expect(r.appealMayMoveLater).toBe(false);
  });

  it("R-10: the last day to contact a mediation adviser is 2 months after the decision, with its explanation", () => {
    const adviser = adviserOf(calculateDeadlines({ decision: "2025-02-03", certificate: "2025-04-29" }, TODAY));
    expect(adviser.date).toBe("2025-04-03");
    expect(adviser.longDate).toBe("Thursday 3 April 2025");
    expect(adviser.label).toBe("Contact a mediation adviser by");
    expect(adviser.explanation).toBe("you must contact a mediation adviser within 2 months of the decision letter being sent on Monday 3 February 2025.");
  });

  it("R-53 August rule: a certificate dated 3 Jul 2025 gives 3 Aug, which moves to Monday 1 September 2025", () => {
    const appeal = appealOf(calculateDeadlines({ decision: "2025-02-03", certificate: "2025-07-03" }, TODAY));
    expect(appeal.date).toBe("2025-09-01");
    expect(appeal.longDate).toBe("Monday 1 September 2025");
    expect(appeal.explanation).toContain("3 August 2025 is in August, so the deadline moves to the first working day after 31 August");
  });

  it("R-53 applies to the appeal only: the adviser date stays on Christmas Day while the appeal moves to 2 January", () => {
    const r = calculateDeadlines({ decision: "2025-10-25" }, TODAY);
    expect(adviserOf(r).date).toBe("2025-12-25");
    const appeal = appealOf(r);
    expect(appeal.date).toBe("2026-01-02");
    expect(appeal.explanation).toContain("falls between 25 December and 1 January");
  });

  it("says when the adviser date is a bank holiday, and that it does not move (R-10, unlike R-52)", () => {
    const adviser = adviserOf(calculateDeadlines({ decision: "2025-10-25" }, TODAY));
    expect(adviser.explanation).toBe(
      "you must contact a mediation adviser within 2 months of the decision letter being sent on Saturday 25 October 2025. Thursday 25 December 2025 is a bank holiday (Christmas Day), and this date does not move, so contact an adviser by Wednesday 24 December 2025, the last working day before it.",
    );
    expect(adviserOf(calculateDeadlines({ decision: "2025-02-03" }, TODAY)).explanation).not.toContain("does not move");
  });

  it("speaks to the family as “you”, never as “the family”", () => {
    const r = dates(calculateDeadlines({ decision: "2025-02-03", certificate: "2025-04-29" }, TODAY));
    for (const d of r.dates) expect(d.explanation).not.toMatch(/the family/);
  });

  it("R-04: a dispute only about section I needs no adviser date; the appeal deadline is still shown", () => {
    const r = dates(calculateDeadlines({ decision: "2025-02-03", sectionIOnly: "yes" }, TODAY));
    expect(r.sectionIOnly).toBe(true);
    expect(r.dates.map((d) => d.kind)).toEqual(["APPEAL"]);
    expect(appealOf(r).date).toBe("2025-04-03");
    expect(dates(calculateDeadlines({ decision: "2025-02-03", sectionIOnly: "" }, TODAY)).dates.map((d) => d.kind)).toEqual(["ADVISER_CONTACT", "APPEAL"]);
  });

  it("R-51 month end: a decision sent on 31 December gives 28 February and says why", () => {
    const adviser = adviserOf(calculateDeadlines({ decision: "2024-12-31" }, TODAY));
    expect(adviser.date).toBe("2025-02-28");
    expect(adviser.explanation).toContain("there is no 31 February 2025, so the last day of February is used");
  });

  it("without a certificate, the appeal deadline is 2 months after the decision and the family is told it may move later", () => {
    const r = dates(calculateDeadlines({ decision: "2025-02-03", certificate: "" }, TODAY));
    expect(r.certificate).toBeNull();
    expect(r.appealMayMoveLater).toBe(true);
    expect(appealOf(r).date).toBe("2025-04-03");
    expect(appealOf(r).explanation).toBe(
      "your appeal must reach the Tribunal within 2 months of the decision letter being sent on Monday 3 February 2025, which is 3 April 2025.",
    );
  });

  it("marks dates before today as passed and dates from today on as not passed", () => {
    const r = calculateDeadlines({ decision: "2025-11-20" }, "2026-01-20");
    expect(adviserOf(r).date).toBe("2026-01-20");
    expect(adviserOf(r).hasPassed).toBe(false);
    const later = calculateDeadlines({ decision: "2025-11-20" }, "2026-01-21");
    expect(adviserOf(later).hasPassed).toBe(true);
    expect(appealOf(later).hasPassed).toBe(true);
  });

  it("accepts a date typed as day/month/year when the browser shows a plain text box", () => {
    const r = dates(calculateDeadlines({ decision: " 3/2/2025 ", certificate: "29 4 2025" }, TODAY));
    expect(r.decision).toBe("2025-02-03");
    expect(r.certificate).toBe("2025-04-29");
    expect(appealOf(r).date).toBe("2025-05-29");
  });

  it("accepts a decision letter and certificate dated today", () => {
    const r = dates(calculateDeadlines({ decision: TODAY, certificate: TODAY }, TODAY));
    expect(adviserOf(r).date).toBe("2026-03-15");
  });
});

describe("calculateDeadlines: validation", () => {
  it("asks for the decision date when it is missing, empty or only spaces", () => {
    for (const decision of [undefined, null, "", "   "]) {
      expect(errors(calculateDeadlines({ decision, certificate: "2025-04-29" }, TODAY))).toEqual({ decision: "Enter the date the decision letter was sent" });
    }
  });

  it("rejects dates that are not real", () => {
    for (const bad of ["2025-02-30", "2025-13-01", "31/2/2025", "tomorrow", "2025-2-3", "0000-01-01", "1".repeat(40)]) {
      expect(errors(calculateDeadlines({ decision: bad }, TODAY))).toEqual({ decision: CALCULATOR_MESSAGES.decisionNotReal });
      expect(errors(calculateDeadlines({ decision: "2025-02-03", certificate: bad }, TODAY))).toEqual({ certificate: CALCULATOR_MESSAGES.certificateNotReal });
    }
  });

  it("rejects a decision date or certificate date in the future (after today in London)", () => {
    expect(errors(calculateDeadlines({ decision: "2026-01-16" }, TODAY))).toEqual({ decision: "The date the decision letter was sent must be today or in the past" });
    expect(errors(calculateDeadlines({ decision: "2026-01-10", certificate: "2026-01-16" }, TODAY))).toEqual({
      certificate: "The date on your mediation certificate must be today or in the past",
    });
  });

  it("rejects a certificate dated before the decision", () => {
    expect(errors(calculateDeadlines({ decision: "2025-02-03", certificate: "2025-02-02" }, TODAY))).toEqual({
      certificate: "The certificate date must be on or after the decision date",
    });
  });

  it("rejects dates before 2016 and names the supported years", () => {
    const e = errors(calculateDeadlines({ decision: "2015-12-31" }, TODAY));
    expect(e.decision).toBe(CALCULATOR_MESSAGES.decisionTooEarly);
    expect(e.decision).toContain("only works for dates from 2016 to 2029");
    expect(calculateDeadlines({ decision: "2016-01-01" }, TODAY).ok).toBe(true);
  });

  it("rejects dates after 2029 and names the supported years, even once they are in the past", () => {
    const e = errors(calculateDeadlines({ decision: "2029-11-01", certificate: "2030-01-05" }, "2030-02-01"));
    expect(e).toEqual({ certificate: CALCULATOR_MESSAGES.certificateTooLate });
    expect(e.certificate).toContain("2016 to 2029");
  });

  it("explains when the appeal deadline would fall after 2029, on the date that sets it", () => {
    // 1 Dec 2029 + 2 months = 1 Feb 2030: bank holidays for 2030 are not held
    expect(errors(calculateDeadlines({ decision: "2029-12-01" }, "2029-12-20"))).toEqual({ decision: CALCULATOR_MESSAGES.appealAfterRange });
    // the certificate (1 month → 10 Jan 2030) is later than the decision (2 months → 1 Dec 2029)
    expect(errors(calculateDeadlines({ decision: "2029-10-01", certificate: "2029-12-10" }, "2029-12-20"))).toEqual({
      certificate: CALCULATOR_MESSAGES.appealAfterRange,
    });
  });

  it("reports a problem with each field at once, decision first", () => {
    const e = errors(calculateDeadlines({ decision: "", certificate: "2099-01-01" }, TODAY));
    expect(Object.entries(e)).toEqual([
      ["decision", CALCULATOR_MESSAGES.decisionMissing],
      ["certificate", CALCULATOR_MESSAGES.certificateInFuture],
    ]);
  });

  it("refuses a malformed 'today' rather than guessing", () => {
    expect(() => calculateDeadlines({ decision: "2025-02-03" }, "15/01/2026")).toThrow(/ISO date/);
  });
});
