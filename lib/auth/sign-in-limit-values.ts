/**
 * The staff sign-in back-off's numbers (./sign-in-limits.ts explains them), alone in a pure module
 * so the browser tests can count against them (issue 14, security sweep).
 */
export type Limit = {
  /** Failures are counted from the first one for this long, then the count starts again. */
  windowMs: number;
  /** Failures allowed in the window before attempts must wait. */
  free: number;
  /** The wait after the `free`-th failure … */
  firstDelayMs: number;
  /** … multiplied by this for each further failure … */
  growth: number;
  /** … never more than this. */
  maxDelayMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const SIGN_IN_LIMITS = {
  pair: { windowMs: 24 * HOUR, free: 5, firstDelayMs: 15 * SECOND, growth: 2, maxDelayMs: 15 * MINUTE },
  account: { windowMs: 1 * HOUR, free: 20, firstDelayMs: 10 * SECOND, growth: 1, maxDelayMs: 10 * SECOND },
  address: { windowMs: 1 * HOUR, free: 30, firstDelayMs: 15 * MINUTE, growth: 1, maxDelayMs: 15 * MINUTE },
} as const satisfies Record<string, Limit>;

