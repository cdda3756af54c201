/**
 * Minimal benchmark harness: deterministic inputs, warm-up, best-of-N timed rounds.
 * Each bench module exports a `BenchSuite`; bench/run.ts runs the registered suites.
 */

export interface Measurement {
  readonly label: string;
  readonly calls: number;
  /** best round, in milliseconds */
  readonly ms: number;
  readonly callsPerSecond: number;
  /** a value derived from every result, so the work cannot be optimised away */
  readonly checksum: number;
}

export interface Comparison {
  readonly title: string;
  readonly ours: Measurement;
  readonly baseline: Measurement;
  /** ours / baseline, in calls per second */
  readonly ratio: number;
  readonly target: number;
  readonly pass: boolean;
  /** extra measurements shown for information only */
  readonly extra: readonly Measurement[];
  /** An absolute target, shown instead of the ratio target (e.g. "under 50 ms a call"). */
  readonly targetText?: string;
  /** Lines shown instead of the two measurements (figures that are not calls per second, e.g. kB or a p95). */
  readonly summary?: readonly string[];
}

export interface BenchSuite {
  readonly name: string;
  run(): Comparison[] | Promise<Comparison[]>;
}

/** mulberry32: small deterministic PRNG, so every run uses the same inputs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Times `round(n)` (which performs n calls and returns a checksum). Warm-up: one untimed round of
 * min(calls, warmupCalls) calls. Then up to `maxRounds` timed rounds of `calls` calls, stopping
 * early once `budgetMs` of timed work has been spent; the best round is reported.
 */
export function measure(
  label: string,
  calls: number,
  round: (n: number) => number,
  { maxRounds = 3, budgetMs = 3_000, warmupCalls = 200_000 }: { maxRounds?: number; budgetMs?: number; warmupCalls?: number } = {},
): Measurement {
  let checksum = round(Math.min(calls, warmupCalls));
  let best = Number.POSITIVE_INFINITY;
  let spent = 0;
  for (let i = 0; i < maxRounds && spent < budgetMs; i++) {
    const start = performance.now();
    checksum = round(calls);
    const ms = performance.now() - start;
    spent += ms;
    if (ms < best) best = ms;
  }
  return { label, calls, ms: best, callsPerSecond: (calls / best) * 1000, checksum };
}

/**
 * Times `call` (one async call, e.g. a database query) `rounds` times after one untimed warm-up
 * call; the best call is reported. For work measured in milliseconds per call, not millions.
 */
export async function measureAsync(label: string, rounds: number, call: () => Promise<number>): Promise<Measurement> {
  let checksum = await call();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    checksum = await call();
    best = Math.min(best, performance.now() - start);
  }
  return { label, calls: 1, ms: best, callsPerSecond: 1000 / best, checksum };
}

export function formatRate(callsPerSecond: number): string {
  if (callsPerSecond >= 1e5) return `${(callsPerSecond / 1e6).toFixed(2)} M calls/s`;
  return `${callsPerSecond.toFixed(1)} calls/s`;
}

export function report(c: Comparison): string {
  const line = (m: Measurement) =>
    `  ${m.label.padEnd(58)} ${formatRate(m.callsPerSecond).padStart(16)}  (${m.calls.toLocaleString("en-GB")} calls, best round ${m.ms.toFixed(1)} ms)`;
  if (c.summary) return [c.title, ...c.summary.map((l) => `  ${l}`), `  target ${c.targetText ?? `≥ ${c.target}×`}   ${c.pass ? "PASS" : "BELOW"}`].join("\n");
  return [
    c.title,
    line(c.ours),
    line(c.baseline),
    ...c.extra.map((m) => `${line(m)}  [info]`),
    c.targetText
      ? `  ours: ${(c.ours.ms / c.ours.calls).toFixed(2)} ms a call   target ${c.targetText}   ${c.pass ? "PASS" : "BELOW"}`
      : `  ratio (ours / baseline) = ${c.ratio.toFixed(2)}×   target ≥ ${c.target}×   ${c.pass ? "PASS" : "BELOW"}`,
  ].join("\n");
}
