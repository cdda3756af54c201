import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { orNotFound } from "../../cases/[id]/_shared";
import { Pagination } from "@/components/Pagination";
import { formatLongDate } from "@/lib/deadlines";
import { listReportCases } from "@/lib/reports/list-report-cases";
import { reportQuery, type RawReportParams } from "@/lib/reports/report-params";

export const metadata = { title: "Cases behind a figure" };
export const dynamic = "force-dynamic";

/**
 * The cases behind one figure of the report (issue 13): reference, LA and the date that put each
 * in the period; exactly the rows the figure counts (lib/reports/list-report-cases.ts). Nothing
 * else about a case is shown here; the reference opens the case through the user's scope.
 */
export default async function ReportCasesPage({ searchParams }: { searchParams: Promise<RawReportParams & { figure?: string; page?: string }> }) {
  const user = await requireUser("report:read", { returnTo: "/reports" });
  const raw = await searchParams;
  const list = await orNotFound(listReportCases(user, raw));
  const { filters, scope } = list;
  const where = scope.chosen?.name ?? "All local authorities";
  const period = `${formatLongDate(filters.from)} to ${formatLongDate(filters.to)}`;
  const pageHref = (n: number) => `/reports/cases?${reportQuery(filters, { figure: list.figureId, ...(n > 1 ? { page: String(n) } : {}) })}`;
  return (
    <>
      <p className="body">
        <Link href={`/reports?${reportQuery(filters)}`}>Back to the report</Link>
      </p>
      <span className="caption">Cases behind a figure</span>
      <h1 className="h-l">{list.title}</h1>
      <dl className="summary-list" aria-label="What this list covers">
        <div>
          <dt>Local authority</dt>
          <dd>{where}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>Number</dt>
          <dd data-testid="figure-total">{list.total}</dd>
        </div>
      </dl>
      {list.total === 0 ? (
        <p className="body">No cases are counted by this figure.</p>
      ) : (
        <>
          <table className="table" data-testid="figure-cases">
            <caption className="visually-hidden">
              {list.title}: {where}, {period}
            </caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Local authority</th>
                <th scope="col">{list.dateLabel}</th>
                <th scope="col">Group</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.itemId}>
                  <th scope="row" className="font-normal">
                    <Link href={`/cases/${encodeURIComponent(r.caseId)}`}>{r.reference}</Link>
                  </th>
                  <td>{r.localAuthority}</td>
                  <td>{formatLongDate(r.on)}</td>
                  <td>{r.group}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={list.page} perPage={list.perPage} total={list.total} href={pageHref} label="Pages of cases" />
        </>
      )}
      <p className="body">
        <a href={`/reports/export?${reportQuery(filters, { figure: list.figureId })}`}>Download this list as CSV</a>
      </p>
    </>
  );
}
