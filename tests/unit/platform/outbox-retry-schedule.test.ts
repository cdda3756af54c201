import { describe, expect, it } from "vitest";
import { EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAYS_MINUTES, nextAttemptAt, nextAttemptDelayMinutes } from "@/lib/platform/outbox/retry-schedule";

describe("the back-off of emails that could not be delivered", () => {
  it("waits longer after each failed attempt: 1 minute, 5, 15, 1 hour, 4 hours, then gives up", () => {
    expect([1, 2, 3, 4, 5, 6].map(nextAttemptDelayMinutes)).toEqual([1, 5, 15, 60, 240, null]);
    expect(EMAIL_MAX_ATTEMPTS).toBe(6);
  });

  it("never waits less than the time before, and gives up for good after the last attempt", () => {
    for (let i = 1; i < EMAIL_RETRY_DELAYS_MINUTES.length; i++) expect(EMAIL_RETRY_DELAYS_MINUTES[i]!).toBeGreaterThan(EMAIL_RETRY_DELAYS_MINUTES[i - 1]!);
    for (const n of [EMAIL_MAX_ATTEMPTS, EMAIL_MAX_ATTEMPTS + 1, 100]) expect(nextAttemptDelayMinutes(n)).toBeNull();
    // About five and a half hours from the first attempt to the last.
    expect(EMAIL_RETRY_DELAYS_MINUTES.reduce((a, b) => a + b, 0)).toBe(321);
  });

  it("gives the instant of the next attempt", () => {
    const now = new Date("2026-03-29T00:30:00Z"); // the night the clocks go forward: instants are unaffected
    expect(nextAttemptAt(1, now)?.toISOString()).toBe("2026-03-29T00:31:00.000Z");
    expect(nextAttemptAt(5, now)?.toISOString()).toBe("2026-03-29T04:30:00.000Z");
    expect(nextAttemptAt(6, now)).toBeNull();
  });

  it("refuses a count of attempts that is not a whole number of at least 1", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => nextAttemptDelayMinutes(n)).toThrow("attemptsMade must be a whole number");
  });
});
