/**
 * Tiny calendar-date helpers for the case lifecycle.
 *
 * Deliberately independent of the date engine (`lib/deadlines`): the lifecycle only validates
 * that an input is a real calendar date and formats it for a timeline summary. Dates are
 * calendar dates, never instants, so nothing here touches time zones or `Date`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Lowest and highest years accepted; anything outside is almost certainly a typing error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses a strict "YYYY-MM-DD" string that names a real calendar date; otherwise null. */
export function parseIsoDate(value: unknown): DateParts | null {
  if (typeof value !== "string") return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

/** "2025-04-24" → "24 April 2025" (GOV.UK style). Returns the input unchanged if it is not a date. */
export function formatIsoDate(value: string): string {
  const p = parseIsoDate(value);
  if (!p) return value;
  return `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`;
}
