import { requireUser } from "../_server/auth";
import { listCases } from "@/lib/cases/list/list-cases";
import type { RawListParams } from "@/lib/cases/list/list-params";
import { HomeCaseList } from "../cases/_components/HomeCaseList";
import { listIssuedCertificates } from "@/lib/certificates/list-issued-certificates";
import { formatLongDate } from "@/lib/deadlines";
import Link from "next/link";

export const metadata = { title: "Deadlines and actions" };
export const dynamic = "force-dynamic";

/** The LA officer's home: their local authority's open cases (caseScope), soonest deadline first. */
export default async function LaHome({ searchParams }: { searchParams: Promise<RawListParams> }) {
  const user = await requireUser("la:workspace");
  const { page } = await searchParams;
  const result = await listCases(user, { page, status: "OPEN", sort: "deadline" });
  const certificates = await listIssuedCertificates(user);
  return (
    <>
      <h1 className="h-l">Deadlines and actions</h1>
      <HomeCaseList result={result} basePath="/la" captionSuffix="for your local authority" noCasesText="There are no mediation cases for your local authority yet." />
      {/* Issue 11: the certificates in force on the LA's cases, with the last day to appeal. */}
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
    </>
  );
}
