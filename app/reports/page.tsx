import Link from "next/link";
import { requireUser } from "../_server/auth";
import { orNotFound } from "../cases/[id]/_shared";
import { ErrorSummary } from "@/components/ErrorSummary";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { formatLongDate } from "@/lib/deadlines";
import { getReport } from "@/lib/reports/get-report";
import { reportQuery, type RawReportParams } from "@/lib/reports/report-params";
import { REPORT_TABLES, type ReportTableId } from "@/lib/reports/definitions";
import { buildTable, headlines, type ReportTable } from "@/lib/reports/report-tables";
import { BarChart, type ChartBar } from "./_components/BarChart";
import { ReportFiltersForm } from "./_components/ReportFiltersForm";
import { ReportTableView } from "./_components/ReportTableView";

// The title is rendered by the error summary, with "Error: " while a date is wrong.
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

const TITLE = "Reports";

/** The tables drawn as charts as well (people compare these at a glance). */
const CHARTS: Partial<Record<ReportTableId, { legend?: string[] }>> = {
  referrals: {},
  mediations: {},
  certificates: { legend: ["Within 3 working days", "Later"] },
  agreements: {},
  actions: {},
};

/** The chart's bars: the table's rows (not its total), so both show the same numbers. */
function chartBars(t: ReportTable): ChartBar[] {
  const rows = t.rows.filter((r) => !r.total);
  if (t.id === "certificates") {
    return rows.map((r) => ({ label: r.header, parts: [{ value: Number(r.cells[1]!.text), label: "within" }, { value: Number(r.cells[2]!.text), label: "later" }] }));
  }
  return rows.map((r) => ({ label: r.header, parts: [{ value: Number(r.cells[0]!.text), label: "" }] }));
}

/**
 * Reports for commissioners (issue 13): for one LA (or all, for the office) and a period, the
 * figures commissioners and SEN2 ask for, each opening the cases behind it, with charts and CSV.
 * An LA officer sees their own LA only; mediators and families get a 404.
 */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawReportParams> }) {
  const user = await requireUser("report:read", { returnTo: "/reports" });
  const raw = await searchParams;
  const report = await orNotFound(getReport(user, raw));
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { filters, scope } = report;
  const query = (extra: Record<string, string>) => reportQuery(filters, extra);
  const where = scope.chosen?.name ?? "All local authorities";
  return (
    <>
      <ErrorSummary title={TITLE} errors={report.ok ? {} : report.errors} />
      <h1 className="h-l">{TITLE}</h1>
      <p className="lead">Figures for commissioners and the SEN2 return: referrals, mediations, certificates, agreements, appeals and agreed actions.</p>
      <ReportFiltersForm filters={filters} scope={scope} errors={report.ok ? {} : report.errors} raw={flat} />
      {report.ok && (
        <>
          <h2 className="h-m" id="summary-title">
            {where}, {formatLongDate(filters.from)} to {formatLongDate(filters.to)}
          </h2>
          <dl className="summary-list" aria-labelledby="summary-title" data-testid="report-headlines">
            {headlines(report.counts).map((h) => (
              <div key={h.key}>
                <dt>{h.key}</dt>
                <dd>
                  {h.figure ? (
                    <Link href={`/reports/cases?${query({ figure: h.figure })}`}>
                      {h.value}
                      <span className="visually-hidden"> – the cases: {h.key}</span>
                    </Link>
                  ) : (
                    h.value
                  )}
                  {h.detail && <span className="hint mb-0">{h.detail}</span>}
                </dd>
              </div>
            ))}
          </dl>
          {REPORT_TABLES.map((id) => {
            const table = buildTable(id, report.counts);
            const chart = CHARTS[id];
            return (
              <section key={id} aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
                <h2 className="h-m" id={`${id}-heading`}>
                  {table.title}
                </h2>
                {chart && <BarChart id={id} title={table.title} bars={chartBars(table)} legend={chart.legend} />}
                <ReportTableView table={table} query={query} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
