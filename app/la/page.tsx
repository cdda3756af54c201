import Link from "next/link";
import { requireUser } from "../_server/auth";
import { listCases } from "@/lib/cases/list/list-cases";
import type { RawListParams } from "@/lib/cases/list/list-params";
import { listLaObligations } from "@/lib/obligations/list-la-obligations";
import { RESPONSIBLE_LABELS } from "@/lib/obligations/rules";
import { formatLongDate } from "@/lib/deadlines";
import { Pagination } from "@/components/Pagination";
import { HomeCaseList } from "../cases/_components/HomeCaseList";
import { listIssuedCertificates } from "@/lib/certificates/list-issued-certificates";
import { ObligationTag } from "../cases/[id]/_components/AgreedActions";

export const metadata = { title: "Deadlines and actions" };
export const dynamic = "force-dynamic";

/**
 * The LA officer's home: their local authority's open cases (caseScope), soonest deadline first,
 * and (issue 11) the agreed actions still open on their cases, overdue first (`actions` pages them).
 */
export default async function LaHome({ searchParams }: { searchParams: Promise<RawListParams & { actions?: string }> }) {
  const user = await requireUser("la:workspace");
  const { page, actions } = await searchParams;
  const [result, obligations, certificates] = await Promise.all([listCases(user, { page, status: "OPEN", sort: "deadline" }), listLaObligations(user, actions), listIssuedCertificates(user)]);
  const pageHref = (n: number) => {
    const q = new URLSearchParams();
    if (page) q.set("page", String(page));
    if (n > 1) q.set("actions", String(n));
    const s = q.toString();
    return `/la${s ? `?${s}` : ""}#open-actions`;
  };
  return (
    <>
      <h1 className="h-l">Deadlines and actions</h1>
      <HomeCaseList result={result} basePath="/la" captionSuffix="for your local authority" noCasesText="There are no mediation cases for your local authority yet." />
      {/* Issue 11 (R-30, R-50): the certificates in force on the LA's cases, with the last day to appeal. */}
      <section aria-labelledby="certificates-title" data-testid="la-certificates">
        <h2 className="h-m" id="certificates-title">
          Certificates issued
        </h2>
        {certificates.length === 0 ? (
          <p className="body">No certificates have been issued on your local authority’s cases.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">The latest certificates issued on your local authority’s cases, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Certificate</th>
                <th scope="col">Issued on</th>
                <th scope="col">Last day to appeal</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((x) => (
                <tr key={x.id}>
                  <td>
                    <Link href={`/cases/${encodeURIComponent(x.caseId)}`}>{x.caseReference}</Link>
                  </td>
                  <td>
                    <a href={x.href}>
                      {x.kindLabel}
                      <span className="visually-hidden"> for case {x.caseReference}</span> (PDF)
                    </a>
                  </td>
                  <td>{formatLongDate(x.issuedOn)}</td>
                  <td>{x.appealDeadlineOn ? formatLongDate(x.appealDeadlineOn) : "Not worked out"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="open-actions-title" id="open-actions" data-testid="la-obligations">
        <h2 className="h-m" id="open-actions-title">
          Agreed actions not done yet
        </h2>
        {obligations.total === 0 ? (
          <p className="body">There are no agreed actions waiting to be done on your local authority’s cases.</p>
        ) : (
          <>
            <p className="body">
              {obligations.total === 1 ? "1 agreed action is" : `${obligations.total} agreed actions are`} not done yet
              {obligations.overdue > 0 ? `, ${obligations.overdue} of them overdue` : ""}. Overdue actions are listed first.
            </p>
            <table className="table">
              <caption className="visually-hidden">Agreed actions not done yet on your local authority’s cases, overdue first</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">What was agreed</th>
                  <th scope="col">Responsible</th>
                  <th scope="col">Due by</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {obligations.rows.map((o) => (
                  <tr key={o.id} data-testid="la-obligation">
                    <td>
                      <Link href={`/cases/${o.caseId}`}>{o.caseReference}</Link>
                    </td>
                    <td>
                      <Link href={`/cases/${o.caseId}/actions/${o.id}`}>{o.what}</Link>
                    </td>
                    <td>{RESPONSIBLE_LABELS[o.responsible]}</td>
                    <td>{formatLongDate(o.dueOn)}</td>
                    <td>
                      <ObligationTag o={o} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={obligations.page} perPage={obligations.perPage} total={obligations.total} href={pageHref} label="Pages of agreed actions" />
          </>
        )}
      </section>
    </>
  );
}
