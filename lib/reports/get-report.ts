/**
 * The report for commissioners (issue 13): for the LAs the user may see (one chosen, or all for
 * the office) and a period, every table's numbers — grouped counts in SQL, never the cases loaded
 * into memory (decision 0025). Tables, headlines and charts are built from these counts
 * (./report-tables.ts).
 */
import "server-only";
import { reportsDb } from "@/lib/platform/db/replica";
import type { SessionUser } from "@/lib/auth/types";
import { todayInLondon } from "@/lib/deadlines";
import { REPORT_TABLES, type ReportTableId } from "./definitions";
import { parseReportParams, type RawReportParams, type ReportFilters } from "./report-params";
import { resolveReportScope, type ReportScope } from "./report-scope";
import { countsSql, type SqlFilters } from "./report-sql";
import type { ReportCounts } from "./report-tables";

export type Report = { filters: ReportFilters; scope: ReportScope; counts: ReportCounts };
export type ReportResult = ({ ok: true } & Report) | { ok: false; errors: { from?: string; to?: string }; filters: ReportFilters; scope: ReportScope };

const emptyCounts = (): ReportCounts => Object.fromEntries(REPORT_TABLES.map((t) => [t, {}])) as ReportCounts;

/** The counts of `tables` for resolved filters (the LAs already within the user's scope). */
export async function countTables(f: SqlFilters, tables: readonly ReportTableId[] = REPORT_TABLES): Promise<ReportCounts> {
  const counts = emptyCounts();
  if (f.laIds.length === 0) return counts;
  const results = await Promise.all(tables.map((t) => reportsDb().$queryRaw<{ bucket: string; n: number }[]>(countsSql(t, f))));
  tables.forEach((t, i) => {
    for (const r of results[i]!) counts[t][r.bucket] = Number(r.n);
  });
  return counts;
}

export async function getReport(user: SessionUser, raw: RawReportParams, now: Date = new Date()): Promise<ReportResult> {
  const parsed = parseReportParams(raw, now);
  const scope = await resolveReportScope(user, parsed.filters.la);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, filters: parsed.filters, scope };
  const counts = await countTables({ laIds: scope.laIds, everyLocalAuthority: scope.everyLocalAuthority, from: parsed.filters.from, to: parsed.filters.to, today: todayInLondon(now) });
  return { ok: true, filters: parsed.filters, scope, counts };
}
