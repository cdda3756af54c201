/**
 * Pure calendar arithmetic on ISO calendar dates ("YYYY-MM-DD").
 *
 * legal dates are calendar dates in Europe/London, never instants. Everything here works
 * on integers (year, month, day, day numbers) and never creates a Date from a date string, so
 * results cannot depend on the machine's time zone. The only instant-to-date conversion is
 * `todayInLondon`, which names its zone explicitly.
 *
 * This module does not import the holiday data, so UI code that only needs formatting can
 * import "@/lib/deadlines/calendar" without bundling date-holidays.
 */
import { DeadlineInputError } from "./errors";

const MONTH_NAMES = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** Days before the first of each month in a non-leap year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

export interface CalendarDate {
  readonly year: number;
  /** 1 = January … 12 = December */
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

// ---------------------------------------------------------------------------------------------
// Parsing

function describeInput(value: unknown): string {
  if (typeof value === "string") return value === "" ? "An empty value" : `"${value}"`;
  if (value instanceof Date) return "A date-and-time value";
  return `The value ${String(value)}`;
}

function formatError(value: unknown): DeadlineInputError {
  return new DeadlineInputError(
    "INVALID_FORMAT",
    `${describeInput(value)} is not a date in the form YYYY-MM-DD (for example 2025-02-03 for 3 February 2025).`,
    value,
  );
}

/** Digit value of iso[i], or -1 when it is not 0-9. */
function digitAt(iso: string, i: number): number {
  const c = iso.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Hot-path parser: validates an ISO date and returns it packed as (year << 9) | dayOfYear,
 * dayOfYear being 0-based (0 = 1 January). No allocation.
 */
export function parsePacked(iso: string): number {
  if (typeof iso !== "string" || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    throw formatError(iso);
  }
  const y0 = digitAt(iso, 0), y1 = digitAt(iso, 1), y2 = digitAt(iso, 2), y3 = digitAt(iso, 3);
  const m0 = digitAt(iso, 5), m1 = digitAt(iso, 6), d0 = digitAt(iso, 8), d1 = digitAt(iso, 9);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || m0 < 0 || m1 < 0 || d0 < 0 || d1 < 0) throw formatError(iso);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalidDateError(iso, year, month, day);
  }
  const leapShift = month > 2 && isLeapYear(year) ? 1 : 0;
  return (year << 9) | ((DAYS_BEFORE_MONTH[month - 1] as number) + leapShift + day - 1);
}

function invalidDateError(iso: string, year: number, month: number, day: number): DeadlineInputError {
  let why = "";
  if (month < 1 || month > 12) why = ` (there is no month ${month})`;
  else if (day < 1) why = " (there is no day 0)";
  else if (year >= 1) why = ` (${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days)`;
  return new DeadlineInputError("INVALID_DATE", `${iso} is not a real date${why}.`, iso);
}

/** Validates an ISO date string and returns its parts. Throws DeadlineInputError. */
export function parseIsoDate(iso: string): CalendarDate {
  const packed = parsePacked(iso);
  const year = packed >> 9;
  return { year, month: (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48, day: (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48 };
}

/** True when `value` is a real calendar date in the form YYYY-MM-DD. Never throws. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    parsePacked(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates and returns the date unchanged (useful at boundaries). Throws DeadlineInputError. */
export function assertIsoDate(value: unknown): string {
  parsePacked(value as string);
  return value as string;
}

// ---------------------------------------------------------------------------------------------
// Day numbers (days since 1970-01-01, proleptic Gregorian), after H. Hinnant's civil algorithms.

export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function partsFromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of 1 January of `year`. */
export function firstDayNumberOfYear(year: number): number {
  return dayNumberFromParts(year, 1, 1);
}

/** Days since 1970-01-01 of a valid ISO date. Throws DeadlineInputError. */
export function toDayNumber(iso: string): number {
  const packed = parsePacked(iso);
  return firstDayNumberOfYear(packed >> 9) + (packed & 511);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoFromParts(year: number, month: number, day: number): string {
  const y = year < 1000 ? String(year).padStart(4, "0") : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return isoFromParts(year, month, day);
}

/** 0 = Sunday … 6 = Saturday, for a day number. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return weekdayOfDayNumber(toDayNumber(iso));
}

export function isWeekend(iso: string): boolean {
  const wd = dayOfWeek(iso);
  return wd === 0 || wd === 6;
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (R-62: counted from the trigger date, trigger = day 0)

function assertInteger(n: number, what: string): void {
  if (typeof n !== "number" || !Number.isInteger(n)) {
    throw new DeadlineInputError("INVALID_COUNT", `The number of ${what} must be a whole number (got ${String(n)}).`, n);
  }
}

/** `date` plus `days` calendar days (negative allowed). */
export function addCalendarDays(date: string, days: number): string {
  assertInteger(days, "days");
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` plus `months` calendar months to the same day of the month; where that day does not
 * exist, the last day of that month. E.g. 2024-12-31 + 2 months = 2025-02-28.
 */
export function addCalendarMonths(date: string, months: number): string {
  assertInteger(months, "months");
  const { year, month, day } = parseIsoDate(date);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return isoFromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Signed number of calendar days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Compares two ISO dates: negative, 0 or positive. Both are validated. */
export function compareIsoDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The later of two ISO dates. */
export function laterOf(a: string, b: string): string {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Formatting (locale-independent British English)

/** "Monday 1 September 2025" */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(dayNumberFromParts(year, month, day))]} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "1 September 2025" */
export function formatDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "Monday" */
export function weekdayName(iso: string): string {
  return WEEKDAY_NAMES[dayOfWeek(iso)] as string;
}

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new DeadlineInputError("INVALID_DATE", `There is no month ${month}.`, month);
  return name;
}

// ---------------------------------------------------------------------------------------------
// Instants → calendar dates

export const LEGAL_TIME_ZONE = "Europe/London";

let londonFormatter: Intl.DateTimeFormat | undefined;

/**
 * the Europe/London calendar date of an instant (default: now), e.g. 2025-03-31T23:30:00Z
 * is 00:30 BST on 1 April, so "2025-04-01". Independent of the machine's time zone.
 */
export function todayInLondon(now: Date = new Date()): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DeadlineInputError("INVALID_INSTANT", "The time given is not a valid point in time.", now);
  }
  londonFormatter ??= new Intl.DateTimeFormat("en-GB", {
    timeZone: LEGAL_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  let year = 0, month = 0, day = 0;
  for (const part of londonFormatter.formatToParts(now)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return isoFromParts(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Database boundary: Prisma maps a PostgreSQL DATE column to a Date at 00:00 UTC.

/** The calendar date stored in a DATE column value (a Date at 00:00 UTC), read in UTC. */
export function isoFromDbDate(value: Date): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new DeadlineInputError("INVALID_INSTANT", "The stored date is not a valid date.", value);
  }
  return isoFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}

/** A Date at 00:00 UTC for writing an ISO calendar date to a DATE column. */
export function dbDateFromIso(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d;
}
