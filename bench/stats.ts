/**
 * Pure helpers of the page benchmarks (issue 14, decision 0032): percentiles, the ratio of a page
 * to its floors and its verdict, the budget verdict of first-load JavaScript, and the options of
 * `npm run bench`. No I/O here, so bench/stats.test lives in tests/unit/bench.
 */

/** The targets of issue 14, one named constant each. */
export const PAGE_TARGETS = {
  /** page median ÷ (SQL floor median + empty-route median) */
  maxRatio: 1.5,
  /** server time, 95th percentile, sequential requests */
  maxP95Ms: 150,
} as const;
export const LOAD_TARGETS = {
  /** latency under the mixed load, 95th percentile */
  maxP95Ms: 300,
  /** connection errors and timeouts; non-2xx answers are reported beside them and must be 0 too */
  maxErrors: 0,
} as const;
/** First-load JavaScript budgets, gzip, in bytes (1 kB = 1,000 bytes, as Next.js printed them). */
export const JS_BUDGETS = { family: 100_000, staff: 150_000 } as const;

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at least p%
 * of the values at or below it. Throws on no values (a bench that measured nothing is a bug).
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile ${p} is not in (0, 100]`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Timing = { n: number; median: number; p95: number; max: number };

export function summarise(ms: readonly number[]): Timing {
  return { n: ms.length, median: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
}

export type PageVerdict = { ratio: number; ratioPass: boolean; p95Pass: boolean; pass: boolean };

/**
 * A page against its floors: ratio = page median ÷ (SQL floor median + empty-route median). Medians,
 * not p95s, so one slow request on a busy machine does not decide the ratio; the p95 has its own
 * absolute target.
 */
export function pageVerdict(page: Timing, sqlFloor: Timing, emptyRoute: Timing, targets = PAGE_TARGETS): PageVerdict {
  const floor = sqlFloor.median + emptyRoute.median;
  const ratio = floor > 0 ? page.median / floor : Number.POSITIVE_INFINITY;
  const ratioPass = ratio <= targets.maxRatio;
  const p95Pass = page.p95 < targets.maxP95Ms;
  return { ratio, ratioPass, p95Pass, pass: ratioPass && p95Pass };
}

export type LoadFigures = { p50: number; p95: number; p99: number; requestsPerSecond: number; requests: number; errors: number; timeouts: number; non2xx: number };

export function loadVerdict(f: LoadFigures, targets = LOAD_TARGETS): boolean {
  return f.p95 < targets.maxP95Ms && f.errors + f.timeouts <= targets.maxErrors && f.non2xx === 0;
}

export type RouteGroup = "family" | "public" | "public-app-router" | "staff";

/**
 * Pages a family or the public opens signed out that load no JavaScript (Pages Router,
 * `unstable_runtimeJS: false`, decision 0038): held to the family budget — families open them.
 */
export const PUBLIC_NO_JS_ROUTES = ["/", "/sign-in/family", "/sign", "/refer", "/deadline-calculator", "/privacy", "/verify"] as const;
/**
 * Pages opened signed out that still load the App Router runtime (131.6 kB by itself): the staff
 * sign-in pages and the App Router's not-found page — held to the staff budget, each with its
 * reason in decision 0038.
 */
export const PUBLIC_APP_ROUTER_ROUTES = ["/sign-in", "/set-password", "/_not-found"] as const;

/** A route is a prefix's when it is the prefix or under it (a whole segment: /sign is not /signature). */
const under = (route: string, prefixes: readonly string[]) => prefixes.some((p) => route === p || (p !== "/" && route.startsWith(`${p}/`)));

/**
 * Which budget a page route (e.g. "/my-case/[caseId]/agreement") is held to: the family's pages
 * are under /my-case; the pages opened signed out are "public" (no JavaScript, the family budget)
 * or "public-app-router" (the staff budget, decision 0038); every other page is staff (including
 * /safeguarding: the safeguarding leads' page, signed in).
 */
export function routeGroup(route: string): RouteGroup {
  if (under(route, ["/my-case"])) return "family";
  if (under(route, PUBLIC_NO_JS_ROUTES)) return "public";
  if (under(route, PUBLIC_APP_ROUTER_ROUTES)) return "public-app-router";
  return "staff";
}

export function jsBudget(group: RouteGroup): number {
  return group === "staff" || group === "public-app-router" ? JS_BUDGETS.staff : JS_BUDGETS.family;
}

export type BenchOptions = { suites: string[]; strict: boolean; cases: number | null; duration: number | null; rounds: number | null; skipBuild: boolean };

/**
 * `npm run bench -- [suite…] [--strict] [--cases N] [--duration S] [--rounds N] [--skip-build]`
 * (`--name=value` works too). Throws with a sentence on a bad value.
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const out: BenchOptions = { suites: [], strict: false, cases: null, duration: null, rounds: null, skipBuild: false };
  const numeric = { "--cases": "cases", "--duration": "duration", "--rounds": "rounds" } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--strict") out.strict = true;
    else if (name === "--skip-build") out.skipBuild = true;
    else if (name in numeric) {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (raw === undefined || !Number.isInteger(n) || n < 1) throw new Error(`${name} needs a whole number of at least 1, not ${JSON.stringify(raw ?? "")}`);
      out[numeric[name as keyof typeof numeric]] = n;
    } else if (name.startsWith("--")) throw new Error(`unknown option ${name}`);
    else out.suites.push(arg);
  }
  return out;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
