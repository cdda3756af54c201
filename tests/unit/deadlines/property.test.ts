/**
 * Property-based tests (fast-check). Oracles are independent of lib/deadlines: calendar maths on
 * Date.UTC, and the gov.uk bank-holiday list for 2024–2027.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  DeadlineInputError,
  addCalendarMonths,
  addWorkingDays,
  appealDeadline,
  appealDeadlineDetail,
  certificateDueDate,
  formatLongDate,
  isWorkingDay,
  mediationDeadline,
  workingDaysUntil,
} from "@/lib/deadlines";

import { GOV_UK_BANK_HOLIDAYS, isWeekendUtc, isoFromUtcMs, plusDays, utcMs, utcWeekday } from "./helpers";

const DAY_MS = 86_400_000;

/** ISO dates between two bounds (inclusive), via Date.UTC. */
function isoDate(from: string, to: string): fc.Arbitrary<string> {
  const a = utcMs(from) / DAY_MS;
  const b = utcMs(to) / DAY_MS;
  return fc.integer({ min: a, max: b }).map((n) => isoFromUtcMs(n * DAY_MS));
}

const RUNS = { numRuns: 500 };
const covered = isoDate("2016-01-01", "2029-06-30");

describe("addWorkingDays properties (R-61)", () => {
  it("for n > 0 the result is a working day, later than the start, and strictly increasing in n", () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const r = addWorkingDays(d, n);
        const next = addWorkingDays(d, n + 1);
        expect(isWorkingDay(r)).toBe(true);
        expect(r > d).toBe(true);
        expect(next > r).toBe(true);
      }),
      RUNS,
    );
  });

  it("exactly n working days lie in (d, result]", () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 40 }), (d, n) => {
        const r = addWorkingDays(d, n);
        let count = 0;
        for (let day = plusDays(d, 1); day <= r; day = plusDays(day, 1)) if (isWorkingDay(day)) count++;
        expect(count).toBe(n);
      }),
      RUNS,
    );
  });

  it("agrees with a naive count over weekends and the gov.uk list (2024–2027)", () => {
    const govUk = new Set(Object.values(GOV_UK_BANK_HOLIDAYS).flat());
    const naive = (d: string, n: number) => {
      let day = d;
      for (let left = n; left > 0; ) {
        day = plusDays(day, 1);
        if (!isWeekendUtc(day) && !govUk.has(day)) left--;
      }
      return day;
    };
    fc.assert(
      fc.property(isoDate("2024-01-01", "2027-10-31"), fc.integer({ min: 0, max: 40 }), (d, n) => {
        expect(addWorkingDays(d, n)).toBe(naive(d, n));
      }),
      { numRuns: 2000 },
    );
  });

  it("workingDaysUntil inverts addWorkingDays and is antisymmetric", () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 120 }), covered, (d, n, e) => {
        expect(workingDaysUntil(d, addWorkingDays(d, n))).toBe(n);
        expect(workingDaysUntil(d, e) + workingDaysUntil(e, d)).toBe(0);
      }),
      RUNS,
    );
  });

  it("negative or fractional counts always raise INVALID_COUNT", () => {
    fc.assert(
      fc.property(covered, fc.oneof(fc.integer({ max: -1 }), fc.double({ noInteger: true })), (d, n) => {
        expect(() => addWorkingDays(d, n)).toThrow(DeadlineInputError);
      }),
      RUNS,
    );
  });
});

describe("calendar properties", () => {
  it("adding months keeps the day, or clamps to the month's last day (R-51)", () => {
    fc.assert(
      fc.property(isoDate("1990-01-01", "2090-12-31"), fc.integer({ min: 0, max: 36 }), (d, k) => {
        const [y, m, day] = d.split("-").map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(y, m - 1 + k + 1, 0)).getUTCDate(); // day 0 of the next month
        const expected = isoFromUtcMs(Date.UTC(y, m - 1 + k, Math.min(day, lastDay)));
        expect(addCalendarMonths(d, k)).toBe(expected);
      }),
      RUNS,
    );
  });

  it("mediation deadline is 30 calendar days later (R-20)", () => {
    fc.assert(
      fc.property(isoDate("2000-01-01", "2060-12-31"), (d) => {
        expect(mediationDeadline(d)).toBe(isoFromUtcMs(utcMs(d) + 30 * DAY_MS));
      }),
      RUNS,
    );
  });

  it("formatLongDate names the right weekday, day, month and year", () => {
    const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    fc.assert(
      fc.property(isoDate("1900-01-01", "2200-12-31"), (d) => {
        const [y, m, day] = d.split("-").map(Number) as [number, number, number];
        expect(formatLongDate(d)).toBe(`${weekdays[utcWeekday(d)]} ${day} ${months[m - 1]} ${y}`);
      }),
      RUNS,
    );
  });

  it("impossible days of the month are rejected with INVALID_DATE", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 10 }), (y, m, extra) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const day = last + extra;
        if (day > 99) return;
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        try {
          isWorkingDay(iso);
          throw new Error(`${iso} accepted`);
        } catch (e) {
          expect(e).toBeInstanceOf(DeadlineInputError);
          expect((e as DeadlineInputError).code).toBe("INVALID_DATE");
        }
      }),
      RUNS,
    );
  });
});

describe("appeal deadline properties (R-50 … R-53)", () => {
  it("is a working day, never before either month-based limit, and R-53 leaves no deadline in August or 25 Dec – 1 Jan", () => {
    const inR53Window = (iso: string) => {
      const [, month, day] = iso.split("-").map(Number) as [number, number, number];
      return month === 8 || (month === 12 && day >= 25) || (month === 1 && day === 1);
    };
    fc.assert(
      fc.property(isoDate("2016-01-01", "2029-06-30"), fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), (decision, certOffset) => {
        const cert = certOffset === undefined ? undefined : plusDays(decision, certOffset);
        const r = appealDeadline(decision, cert);
        const detail = appealDeadlineDetail(decision, cert);
        expect(detail.date).toBe(r);
        expect(isWorkingDay(r)).toBe(true);
        const later = cert !== undefined && addCalendarMonths(cert, 1) > addCalendarMonths(decision, 2) ? addCalendarMonths(cert, 1) : addCalendarMonths(decision, 2);
        expect(detail.unadjusted).toBe(later);
        expect(r >= later).toBe(true);
        if (inR53Window(later)) {
          // moved out of the window, to the first working day after 1 January / 31 August
          expect(inR53Window(r)).toBe(false);
          expect(["CHRISTMAS", "AUGUST"]).toContain(detail.adjustment);
          expect(workingDaysUntil(later.slice(5, 7) === "08" ? `${later.slice(0, 4)}-08-31` : later.slice(5, 7) === "01" ? later : `${Number(later.slice(0, 4)) + 1}-01-01`, r)).toBe(1);
        } else if (isWorkingDay(later)) {
          expect(r).toBe(later);
        } else {
          // the next working day
          expect(workingDaysUntil(later, r)).toBe(1);
          expect(utcMs(r) - utcMs(later)).toBeLessThanOrEqual(4 * DAY_MS);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("certificates are due on a working day, 3 working days after the trigger (R-30)", () => {
    fc.assert(
      fc.property(covered, (d) => {
        const r = certificateDueDate(d);
        expect(isWorkingDay(r)).toBe(true);
        expect(workingDaysUntil(d, r)).toBe(3);
      }),
      RUNS,
    );
  });
});
