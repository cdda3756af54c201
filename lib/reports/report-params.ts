/**
 * The report's filters from a GET query (issue 13): a local authority (or all, for the office) and
 * a period, `from` and `to` inclusive, as ISO dates in links or as the day, month and year boxes of
 * the form (works without JavaScript). The period defaults to the last 12 months up to today
 * (Europe/London, R-63). Pure.
 */
import { z } from "zod";
import { addCalendarDays, addCalendarMonths, isIsoDate, todayInLondon } from "@/lib/deadlines";
import { dateValueProblem, withJoinedDates } from "@/lib/platform/dates/date-input";

/** The default period: the 12 months up to and including today. */
export const DEFAULT_PERIOD_MONTHS = 12;

export type ReportFilters = { la: string | null; from: string; to: string };
export type ReportParamsResult = { ok: true; filters: ReportFilters } | { ok: false; errors: { from?: string; to?: string }; filters: ReportFilters };

const one = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(200).optional().catch(undefined));
const rawSchema = z.object({ la: one, from: one, to: one, "from-day": one, "from-month": one, "from-year": one, "to-day": one, "to-month": one, "to-year": one });

export type RawReportParams = Record<string, string | string[] | undefined>;

export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addCalendarDays(addCalendarMonths(today, -DEFAULT_PERIOD_MONTHS), 1), to: today };
}

export function parseReportParams(raw: RawReportParams, now: Date = new Date()): ReportParamsResult {
  const v = rawSchema.parse(raw ?? {});
  const joined = withJoinedDates(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as Record<string, string>);
  const period = defaultPeriod(todayInLondon(now));
  const la = v.la?.trim() ? v.la.trim() : null;
  const errors: { from?: string; to?: string } = {};
  const read = (name: "from" | "to", label: string): string => {
    const value = (joined[name] ?? "").trim();
    if (value === "") return period[name];
    const problem = dateValueProblem(value, label);
    if (problem || !isIsoDate(value)) {
      errors[name] = problem ?? `${label} must be a real date`;
      return period[name];
    }
    return value;
  };
  const from = read("from", "The start of the period");
  const to = read("to", "The end of the period");
  if (!errors.from && !errors.to && from > to) errors.to = "The end of the period must be the same as or after its start";
  const filters = { la, from, to };
  return Object.keys(errors).length > 0 ? { ok: false, errors, filters } : { ok: true, filters };
}

/** The query string of the filters (ISO dates), for links to case lists, exports and back. */
export function reportQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  if (filters.la) q.set("la", filters.la);
  q.set("from", filters.from);
  q.set("to", filters.to);
  return q.toString();
}
