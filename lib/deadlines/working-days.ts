/**
 * Working days in England.
 *
 * a working day is any day except Saturday, Sunday and the England and Wales bank holidays
 * (Christmas Day and Good Friday are among them, as are substitute days and one-off proclaimed
 * days such as 2022-06-03, 2022-09-19, 2023-05-08).
 *
 * the holidays come from a maintained library, `date-holidays` (country GB, region ENG,
 * types "public" and "bank" only: it also returns observances such as Mother's Day, which are
 * filtered out). It is trusted for the years in HOLIDAY_YEAR_RANGE only; any working-day
 * calculation that needs a year outside the range throws DeadlineInputError("OUT_OF_RANGE").
 *
 * Each year is loaded lazily, once, into a YearCalendar: a Set of holiday ISO dates plus a
 * precomputed working-day index, so `addWorkingDays` is O(1) within a year and allocates nothing.
 */
import Holidays from "date-holidays";

import {
  addCalendarDays,
  daysInYear,
  firstDayNumberOfYear,
  formatDate,
  fromDayNumber,
  parsePacked,
  weekdayOfDayNumber,
} from "./calendar";
import { DeadlineInputError } from "./errors";

/**
 * years for which the bank-holiday data is trusted. date-holidays computes later years by
 * rule, but it cannot know future one-off days (a coronation, a state funeral), so the range is
 * deliberately closed. Extend it after checking the new years against
 * https://www.gov.uk/bank-holidays (and upgrading date-holidays if needed).
 */
export const HOLIDAY_YEAR_RANGE = { first: 2016, last: 2029 } as const;

/** where the holiday data comes from (shown in explanations and admin screens). */
export const HOLIDAY_SOURCE = {
  library: "date-holidays",
  country: "GB",
  region: "ENG",
  types: ["public", "bank"],
} as const;

const KEPT_TYPES: ReadonlySet<string> = new Set<string>(HOLIDAY_SOURCE.types);

export interface BankHoliday {
  /** ISO date */
  readonly date: string;
  readonly name: string;
}

interface YearCalendar {
  readonly year: number;
  readonly firstDayNumber: number;
  /** ISO dates of the bank holidays that take a weekday off (substitute days included). */
  readonly holidaySet: ReadonlySet<string>;
  readonly holidays: readonly BankHoliday[];
  /** 1 when day-of-year i (0-based) is a working day. */
  readonly isWorking: Uint8Array;
  /** workingRank[i] = number of working days on or before day-of-year i. */
  readonly workingRank: Uint16Array;
  /** ISO dates of the working days of the year, in order. */
  readonly workingIsos: readonly string[];
}

let source: Holidays | undefined;
const cache: (YearCalendar | undefined)[] = [];

/**
 * Drops the cached holiday data (and the date-holidays instance); the next call reloads it.
 * Only tests need this (e.g. to reload under another process time zone).
 */
export function clearHolidayCache(): void {
  source = undefined;
  cache.length = 0;
}

function rangeText(): string {
  return `${HOLIDAY_YEAR_RANGE.first} to ${HOLIDAY_YEAR_RANGE.last}`;
}

function outOfRange(message: string, input: unknown): DeadlineInputError {
  return new DeadlineInputError("OUT_OF_RANGE", message, input);
}

function loadYear(year: number): YearCalendar {
  source ??= new Holidays(HOLIDAY_SOURCE.country, HOLIDAY_SOURCE.region);
  const firstDayNumber = firstDayNumberOfYear(year);
  const length = daysInYear(year);
  const prefix = `${year}-`;

  const holidays: BankHoliday[] = [];
  const holidaySet = new Set<string>();
  for (const h of source.getHolidays(year)) {
    if (!KEPT_TYPES.has(h.type)) continue; // observances (Mother's Day, Easter Sunday …) are not bank holidays
    // `date` is "YYYY-MM-DD hh:mm:ss" in the holiday's own calendar: slicing it (rather than
    // reading the `start` instant) keeps this independent of the process time zone.
    const iso = h.date.slice(0, 10);
    if (!iso.startsWith(prefix)) continue;
    const packed = parsePacked(iso);
    const wd = weekdayOfDayNumber(firstDayNumber + (packed & 511));
    if (wd === 0 || wd === 6) continue; // e.g. Boxing Day on a Saturday: its substitute day is listed separately
    if (holidaySet.has(iso)) continue;
    holidaySet.add(iso);
    holidays.push({ date: iso, name: h.name });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // Sanity checks (R-64: fail loudly rather than silently treat a holiday as a working day).
  // Every year in England has at least 8 bank holidays off and one in 25-28 December.
  const hasChristmas = holidays.some((h) => h.date >= `${year}-12-25` && h.date <= `${year}-12-28`);
  if (holidays.length < 8 || !hasChristmas) {
    throw new DeadlineInputError(
      "HOLIDAY_DATA",
      `The bank holiday data for ${year} looks incomplete (${holidays.length} days found), so working days cannot be counted safely.`,
      year,
    );
  }

  const isWorking = new Uint8Array(length);
  const workingRank = new Uint16Array(length);
  const workingIsos: string[] = [];
  let count = 0;
  for (let i = 0; i < length; i++) {
    const wd = weekdayOfDayNumber(firstDayNumber + i);
    if (wd !== 0 && wd !== 6) {
      const iso = fromDayNumber(firstDayNumber + i);
      if (!holidaySet.has(iso)) {
        isWorking[i] = 1;
        workingIsos.push(iso);
        count++;
      }
    }
    workingRank[i] = count;
  }
  return { year, firstDayNumber, holidaySet, holidays, isWorking, workingRank, workingIsos };
}

/** The calendar for `year`, loading it on first use. Throws OUT_OF_RANGE outside HOLIDAY_YEAR_RANGE. */
function yearCalendar(year: number, input: string): YearCalendar {
  const cached = cache[year - HOLIDAY_YEAR_RANGE.first];
  if (cached !== undefined) return cached;
  if (year < HOLIDAY_YEAR_RANGE.first || year > HOLIDAY_YEAR_RANGE.last) {
    throw outOfRange(
      `${input}: the system only holds England and Wales bank holidays for ${rangeText()}, so it cannot work out working days for that date.`,
      input,
    );
  }
  const loaded = loadYear(year);
  cache[year - HOLIDAY_YEAR_RANGE.first] = loaded;
  return loaded;
}

function assertWorkingDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new DeadlineInputError(
      "INVALID_COUNT",
      `The number of working days must be a whole number of 0 or more (got ${String(n)}).`,
      n,
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** not a Saturday or Sunday and not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  const packed = parsePacked(date);
  return yearCalendar(packed >> 9, date).isWorking[packed & 511] === 1;
}

/**
 * the n-th working day after `date` (`date` itself is day 0, and need not be a working
 * day); n = 0 returns `date`. Hot path: no Date objects, no allocation.
 */
export function addWorkingDays(date: string, n: number): string {
  const packed = parsePacked(date);
  assertWorkingDayCount(n);
  let cal = yearCalendar(packed >> 9, date);
  if (n === 0) return date;
  let index = (cal.workingRank[packed & 511] as number) + n - 1;
  while (index >= cal.workingIsos.length) {
    index -= cal.workingIsos.length;
    const next = cal.year + 1;
    if (next > HOLIDAY_YEAR_RANGE.last) {
      throw outOfRange(
        `Counting ${n} working days from ${formatDate(date)} runs into ${next}, but the system only holds England and Wales bank holidays for ${rangeText()}.`,
        date,
      );
    }
    cal = yearCalendar(next, date);
  }
  return cal.workingIsos[index] as string;
}

/** The first working day after `date` (R-52 style "next working day"). */
export function nextWorkingDay(date: string): string {
  return addWorkingDays(date, 1);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function rollForwardToWorkingDay(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

/**
 * `date` itself when it is a working day, otherwise the last working day before it: the day to
 * suggest when something must be done "by" a date that does not move (R-10, issue 9 item 16).
 */
export function rollBackToWorkingDay(date: string): string {
  let d = date;
  // A run of non-working days is at most a few days long (a weekend with bank holidays at Christmas).
  for (let i = 0; i < 31; i++) {
    if (isWorkingDay(d)) return d;
    d = addCalendarDays(d, -1);
  }
  throw new Error(`No working day in the month before ${date}`);
}

/** Number of working days on or before `date` since 1 January of its year, plus the year. */
function rankOf(date: string): { cal: YearCalendar; rank: number } {
  const packed = parsePacked(date);
  const cal = yearCalendar(packed >> 9, date);
  return { cal, rank: cal.workingRank[packed & 511] as number };
}

/** Working days in (a, b] for a <= b (both validated). */
function workingDaysAfterUpTo(a: string, b: string): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  let total = rb.rank - ra.rank;
  for (let y = ra.cal.year; y < rb.cal.year; y++) total += yearCalendar(y, a).workingIsos.length;
  return total;
}

/**
 * Signed working-day distance, for "due within N working days / overdue" lists.
 * When `to` is after `from`: the number of working days in (from, to], so
 * workingDaysUntil(d, addWorkingDays(d, n)) === n. When `to` is before `from`: minus the number
 * of working days in (to, from] (e.g. due Friday, today Monday → -1). Same day → 0.
 */
export function workingDaysUntil(from: string, to: string): number {
  const f = parsePacked(from);
  const t = parsePacked(to);
  if (f === t) return 0;
  return f < t ? workingDaysAfterUpTo(from, to) : -workingDaysAfterUpTo(to, from);
}

/** Alias of workingDaysUntil, for callers who think in "between". */
export const workingDaysBetween = workingDaysUntil;

/** The England and Wales bank holidays of `year` that fall on weekdays (the gov.uk list). */
export function bankHolidays(year: number): readonly BankHoliday[] {
  if (!Number.isInteger(year)) {
    throw new DeadlineInputError("INVALID_COUNT", `${String(year)} is not a year.`, year);
  }
  return yearCalendar(year, String(year)).holidays;
}

/** Bank holidays strictly after `from` and on or before `to` (for explanations). */
export function bankHolidaysBetween(from: string, to: string): readonly BankHoliday[] {
  const a = parsePacked(from) >> 9;
  const b = parsePacked(to) >> 9;
  const out: BankHoliday[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) {
    for (const h of yearCalendar(y, y === a ? from : to).holidays) {
      if (h.date > from && h.date <= to) out.push(h);
    }
  }
  return out;
}

/** The bank holiday on `date`, if any (weekday holidays only). */
export function bankHolidayOn(date: string): BankHoliday | undefined {
  const packed = parsePacked(date);
  return yearCalendar(packed >> 9, date).holidays.find((h) => h.date === date);
}

/** Why `date` is not a working day ("a Saturday", "a bank holiday (Good Friday)"), or null. */
export function nonWorkingReason(date: string): string | null {
  if (isWorkingDay(date)) return null;
  const packed = parsePacked(date);
  const wd = weekdayOfDayNumber(firstDayNumberOfYear(packed >> 9) + (packed & 511));
  if (wd === 6) return "a Saturday";
  if (wd === 0) return "a Sunday";
  const h = bankHolidayOn(date);
  return h ? `a bank holiday (${h.name})` : "a bank holiday";
}
