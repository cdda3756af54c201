/**
 * Issue 13 (R-64, decision 0002): which years the date engine's bank-holiday data covers, and the
 * warning an admin sees on /admin when it ends within HOLIDAY_DATA_WARNING_MONTHS of today. Past
 * its last year every working-day calculation fails loudly (OUT_OF_RANGE), so the range must be
 * extended (decision 0002, "To extend the range") before then. Pure: "now" is passed in.
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { addCalendarMonths, bankHolidays, compareIsoDates, HOLIDAY_SOURCE, HOLIDAY_YEAR_RANGE, todayInLondon, type BankHoliday } from "@/lib/deadlines";
import { isoFromParts } from "@/lib/deadlines/calendar";

/** warn when the holiday data ends within this many months of today. */
export const HOLIDAY_DATA_WARNING_MONTHS = 12;

export type HolidayCoverage = {
  firstYear: number;
  lastYear: number;
  /** The last day the data covers: 31 December of its last year. */
  endsOn: string;
  today: string;
  /** The data ends within HOLIDAY_DATA_WARNING_MONTHS of today (or has ended). */
  endingSoon: boolean;
  /** Today is past the data's last day: working-day deadlines can no longer be worked out. */
  ended: boolean;
  source: typeof HOLIDAY_SOURCE;
};

export function holidayCoverage(now: Date = new Date()): HolidayCoverage {
  const today = todayInLondon(now);
  const endsOn = isoFromParts(HOLIDAY_YEAR_RANGE.last, 12, 31);
  return {
    firstYear: HOLIDAY_YEAR_RANGE.first,
    lastYear: HOLIDAY_YEAR_RANGE.last,
    endsOn,
    today,
    endingSoon: compareIsoDates(endsOn, addCalendarMonths(today, HOLIDAY_DATA_WARNING_MONTHS)) <= 0,
    ended: compareIsoDates(today, endsOn) > 0,
    source: HOLIDAY_SOURCE,
  };
}

/** For /admin/calendar: the coverage and each covered year's bank holidays. Admins only (404 otherwise). */
export function getHolidayCoverage(user: SessionUser, now: Date = new Date()): HolidayCoverage & { years: { year: number; holidays: readonly BankHoliday[] }[] } {
  authorize(user, "reference-data:manage");
  const c = holidayCoverage(now);
  const years: { year: number; holidays: readonly BankHoliday[] }[] = [];
  for (let y = c.firstYear; y <= c.lastYear; y++) years.push({ year: y, holidays: bankHolidays(y) });
  return { ...c, years };
}
