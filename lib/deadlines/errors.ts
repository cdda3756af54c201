/**
 * Typed errors raised by the statutory date engine.
 *
 * Every invalid input is an explicit error with a `code` a caller can branch on and a
 * `message` a caseworker can read. The engine never "guesses" a date.
 */

export const DEADLINE_ERROR_CODES = [
  /** not a string in the form YYYY-MM-DD */
  "INVALID_FORMAT",
  /** well-formed but not a real calendar date, e.g. 2025-02-30 */
  "INVALID_DATE",
  /** a working-day calculation needs bank holidays outside the covered years */
  "OUT_OF_RANGE",
  /** a day/week count that is negative, fractional or not a number */
  "INVALID_COUNT",
  /** an agreement action kind that is not one of AGREEMENT_ACTION_KINDS */
  "UNKNOWN_KIND",
  /** a certificate issued before the decision it concerns */
  "CERTIFICATE_BEFORE_DECISION",
  /** an instant (Date) that is not a valid point in time */
  "INVALID_INSTANT",
  /** the holiday library returned data that fails the sanity checks */
  "HOLIDAY_DATA",
] as const;

export type DeadlineErrorCode = (typeof DEADLINE_ERROR_CODES)[number];

export class DeadlineInputError extends Error {
  readonly code: DeadlineErrorCode;
  /** The offending input, as given (stringified), when there is one. */
  readonly input: string | undefined;

  constructor(code: DeadlineErrorCode, message: string, input?: unknown) {
    super(message);
    this.name = "DeadlineInputError";
    this.code = code;
    this.input = input === undefined ? undefined : String(input);
  }
}

export function isDeadlineInputError(e: unknown): e is DeadlineInputError {
  return e instanceof DeadlineInputError;
}
