/**
 * Human-readable case references: SM-<year>-<5-digit counter>, e.g. SM-2026-00042 (issue 4).
 *
 * The year is that of the Europe/London calendar date of creation: a case logged at 00:30
 * on 1 January (London) belongs to the new year. The counter restarts each year and is taken with
 * one atomic upsert, so concurrent creations never get the same number: the row lock is held until
 * the calling transaction commits (or rolls back, which gives the number back).
 */
import "server-only";
import type { Tx } from "@/lib/platform/db";
import { assertIsoDate, todayInLondon } from "@/lib/deadlines";

export const REFERENCE_PREFIX = "SM";
export const REFERENCE_DIGITS = 5;

/** Matches a reference made by `formatReference` (6+ digits once a year passes 99,999 cases). */
export const REFERENCE_PATTERN = /^SM-\d{4}-\d{5,}$/;

export function formatReference(year: number, n: number): string {
  return `${REFERENCE_PREFIX}-${year}-${String(n).padStart(REFERENCE_DIGITS, "0")}`;
}

export function isReference(value: unknown): value is string {
  return typeof value === "string" && REFERENCE_PATTERN.test(value);
}

/**
 * The next reference for the year of `today` (an ISO date in Europe/London; defaults to now).
 * Must run inside the transaction that creates the case.
 */
export async function nextReference(tx: Tx, today: string = todayInLondon()): Promise<string> {
  const year = Number(assertIsoDate(today).slice(0, 4));
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "CaseReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "CaseReferenceCounter"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last;
  if (typeof last !== "number") throw new Error("The case reference counter returned no value");
  return formatReference(year, last);
}
