/**
 * Issue 9 item 16: where the app suggests a day to do something on, or by, and a working day is
 * meant, the day it suggests is a working day — never a Saturday, a Sunday or a bank holiday —
 * checked over thousands of dates across the years the holiday data covers (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  certificateDueDate,
  earliestMeetingDate,
  earliestWorkingMeetingDate,
  formatLongDate,
  hasRequiredMeetingNotice,
  healthNotificationDueDate,
  isWorkingDay,
  nonWorkingReason,
  rollBackToWorkingDay,
} from "@/lib/deadlines";
import { calculateDeadlines } from "@/lib/deadlines/calculator";
import { selfReferralContactBy } from "@/lib/cases/intake/create-self-referral";
import { nextFreeDays } from "@/lib/cases/allocation/list-mediator-options";

/** Any day from 10 January 2016 to 30 June 2029: room in the holiday data for what is counted from it. */
const day = fc.integer({ min: 0, max: 4_920 }).map((n) => addCalendarDays("2016-01-10", n));
const RUNS = { numRuns: 3_000 };

/** The days strictly between `from` and `to`. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = addCalendarDays(from, 1); d < to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe("suggested dates are working days", () => {
  it("R-22: the meeting date suggested is the first working day with enough notice", () => {
    fc.assert(
      fc.property(day, (notice) => {
        const suggested = earliestWorkingMeetingDate(notice);
        expect(isWorkingDay(suggested)).toBe(true);
        expect(hasRequiredMeetingNotice(notice, suggested)).toBe(true);
        // The first one: every day from the legal earliest date up to it is not a working day.
        const earliest = earliestMeetingDate(notice);
        expect(suggested >= earliest).toBe(true);
        expect([earliest, ...daysBetween(earliest, suggested)].filter((d) => d !== suggested).every((d) => !isWorkingDay(d))).toBe(true);
      }),
      RUNS,
    );
  });

  it("the suggested meeting date is a working day even when the earliest legal date is not: notice on Friday 5 September 2025", () => {
    // Working days Monday 8 … Friday 12 September; the law allows Saturday 13th; we suggest Monday 15th.
    expect(earliestMeetingDate("2025-09-05")).toBe("2025-09-13");
    expect(earliestWorkingMeetingDate("2025-09-05")).toBe("2025-09-15");
  });

  it("R-10 on the public calculator: when the last day to contact an adviser is not a working day, the day suggested instead is the last working day before it", () => {
    fc.assert(
      fc.property(day, (decision) => {
        const r = calculateDeadlines({ decision }, "2029-06-30");
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const adviser = r.dates.find((d) => d.kind === "ADVISER_CONTACT")!;
        if (isWorkingDay(adviser.date)) {
          expect(adviser.actByWorkingDay).toBeUndefined();
          return;
        }
        const by = adviser.actByWorkingDay!;
        expect(isWorkingDay(by)).toBe(true);
        expect(by < adviser.date).toBe(true);
        expect(daysBetween(by, adviser.date).every((d) => !isWorkingDay(d))).toBe(true);
        expect(adviser.explanation).toContain(`so contact an adviser by ${formatLongDate(by)}, the last working day before it.`);
      }),
      RUNS,
    );
  });

  it("R-10: Christmas Day 2025 is a bank holiday, so the family is told to contact an adviser by Wednesday 24 December", () => {
    const r = calculateDeadlines({ decision: "2025-10-25" }, "2025-10-25");
    if (!r.ok) throw new Error("expected dates");
    const adviser = r.dates.find((d) => d.kind === "ADVISER_CONTACT")!;
    expect(nonWorkingReason(adviser.date)).toBe("a bank holiday (Christmas Day)");
    expect(adviser.actByWorkingDay).toBe("2025-12-24");
  });

  it("rollBackToWorkingDay: the day itself or the last working day before it", () => {
    fc.assert(
      fc.property(day, (d) => {
        const back = rollBackToWorkingDay(d);
        expect(isWorkingDay(back)).toBe(true);
        expect(back <= d).toBe(true);
        expect(daysBetween(back, d).every((x) => !isWorkingDay(x))).toBe(true);
        if (isWorkingDay(d)) expect(back).toBe(d);
      }),
      RUNS,
    );
  });

  it("the day a caseworker will contact a family (/refer/done), certificates and the health body notice due by, and a mediator's free days are working days", () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(isWorkingDay(selfReferralContactBy(d))).toBe(true);
        expect(isWorkingDay(certificateDueDate(d))).toBe(true);
        expect(isWorkingDay(healthNotificationDueDate(d))).toBe(true);
        expect(nextFreeDays(d, new Set([addCalendarDays(d, 1), addCalendarDays(d, 2)])).every(isWorkingDay)).toBe(true);
      }),
      RUNS,
    );
  });
});

