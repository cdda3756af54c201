/**
 * When an email that could not be delivered is tried again: after each failed attempt the next
 * one waits longer (1 minute, 5, 15, 1 hour, 4 hours), and after the last the email is FAILED for
 * good and listed on its case's page ("Emails that could not be delivered"). About five and a half
 * hours in all: long enough to ride out a mail server's restart or a short outage, short enough
 * that a caseworker hears the same day that a family was not told. A provider's choice, not a rule.
 * Pure.
 */

/** Minutes to wait before attempt 2, 3, … (index 0 follows the first failed attempt). */
export const EMAIL_RETRY_DELAYS_MINUTES = [1, 5, 15, 60, 240] as const;

/** Attempts in all: the first, then one after each delay. */
export const EMAIL_MAX_ATTEMPTS = EMAIL_RETRY_DELAYS_MINUTES.length + 1;

/** Minutes until the next attempt after `attemptsMade` failed ones, or null: give up (FAILED). */
export function nextAttemptDelayMinutes(attemptsMade: number): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new Error(`attemptsMade must be a whole number of at least 1, not ${attemptsMade}`);
  return EMAIL_RETRY_DELAYS_MINUTES[attemptsMade - 1] ?? null;
}

/** The instant of the next attempt after `attemptsMade` failed ones at `now`, or null: give up. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  const minutes = nextAttemptDelayMinutes(attemptsMade);
  return minutes === null ? null : new Date(now.getTime() + minutes * 60_000);
}
