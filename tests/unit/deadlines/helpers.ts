/**
 * Independent test oracles for the date engine: these use Date.UTC only (never local time) and
 * data typed from the published gov.uk list, not anything from lib/deadlines.
 */
import { expect } from "vitest";

import { DeadlineInputError, type DeadlineErrorCode } from "@/lib/deadlines";

/**
 * England and Wales bank holidays as published on https://www.gov.uk/bank-holidays
 * (weekday days off, substitute days included).
 */
export const GOV_UK_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2024: ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
  2025: ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
  2026: ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
  2027: ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
};

const DAY_MS = 86_400_000;

export function utcMs(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function isoFromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function plusDays(iso: string, days: number): string {
  return isoFromUtcMs(utcMs(iso) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday */
export function utcWeekday(iso: string): number {
  return new Date(utcMs(iso)).getUTCDay();
}

export function isWeekendUtc(iso: string): boolean {
  const wd = utcWeekday(iso);
  return wd === 0 || wd === 6;
}

/** Every ISO date from `from` to `to` inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = utcMs(from); ms <= utcMs(to); ms += DAY_MS) out.push(isoFromUtcMs(ms));
  return out;
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoFromUtcMs(Date.UTC(year, month - 1, day));
}

/** Asserts that `fn` throws a DeadlineInputError with `code`, and returns it. */
export function expectDeadlineError(fn: () => unknown, code: DeadlineErrorCode): DeadlineInputError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DeadlineInputError);
  const err = caught as DeadlineInputError;
  expect(err.code).toBe(code);
  expect(err.message.length).toBeGreaterThan(10);
  return err;
}
