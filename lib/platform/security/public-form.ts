/**
 * The steps every public (signed-out) form goes through before it writes anything, in order:
 * the size limits (too long: refused before anything is parsed, issue 9 item 8; the action chain
 * checks them too, app/_server/action.ts), the honeypot (a bot filled the hidden field: pretend
 * success, write nothing), then the caller's validation, then the per-address rate limit (only
 * well-formed submissions count, so a family correcting a typo is never locked out). Used by the self-referral and the family sign-in link.
 */
import "server-only";
import { DomainError } from "@/lib/platform/errors";
import { isBot } from "./honeypot";
import { checkPublicInput, INPUT_TOO_LARGE_MESSAGE } from "./input-bounds";
import { hit } from "./rate-limit";

export { HONEYPOT_FIELD, isBot } from "./honeypot";
export { checkPublicInput, INPUT_TOO_LARGE_MESSAGE, PUBLIC_INPUT_LIMITS } from "./input-bounds";

/** Throws DomainError("TOO_LARGE") when a public submission is over the size limits. */
export function assertPublicInputBounded(values: unknown): void {
  const record = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
  if (!checkPublicInput(record).ok) throw new DomainError(INPUT_TOO_LARGE_MESSAGE, "TOO_LARGE");
}

export type RateLimit = { bucket: string; limit: number; windowMs: number; message: string };

/** Counts one submission from `ip`; throws DomainError("RATE_LIMITED") with the limit's message when over it. */
export async function enforceRateLimit(limit: RateLimit, ip: string | null, now: Date = new Date()): Promise<void> {
  if (!(await hit(`${limit.bucket}:${ip ?? "unknown"}`, limit.limit, limit.windowMs, now))) {
    throw new DomainError(limit.message, "RATE_LIMITED");
  }
}

/**
 * Size limits → honeypot → parse → rate limit. Returns null for a bot (the caller shows its usual
 * confirmation and writes nothing), else the parsed input. `parse` throws DomainError on bad input.
 */
export async function screenPublicSubmission<T>(
  values: unknown,
  steps: { parse: (values: unknown) => T; rateLimit: RateLimit; ip: string | null; now?: Date },
): Promise<T | null> {
  assertPublicInputBounded(values);
  if (isBot(values)) return null;
  const input = steps.parse(values);
  await enforceRateLimit(steps.rateLimit, steps.ip, steps.now);
  return input;
}
