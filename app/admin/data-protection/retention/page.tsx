import Link from "next/link";
import { requireUser } from "../../../_server/auth";
import { BackLink } from "../../../cases/[id]/_components/Notice";
import { formatLongDate } from "@/lib/deadlines";
import { getRetentionDryRun } from "@/lib/data-protection/get-retention-dry-run";

export const metadata = { title: "Cases due to be anonymised" };
export const dynamic = "force-dynamic";

/**
 * Issue 13 (decision 0028): the retention purge's dry run — the closed cases the nightly job would
 * anonymise now, with what each holds, and those past retention that a hold keeps. Changes nothing.
 */
export default async function RetentionPage() {
  const user = await requireUser("data-protection:manage");
  const run = await getRetentionDryRun(user);
  return (
    <>
      <BackLink href="/admin/data-protection">Back to data protection</BackLink>
      <h1 className="h-l">Cases due to be anonymised</h1>
      <p className="body">
        This is a dry run: nothing is changed. Every night, a job anonymises closed cases that closed on or before {formatLongDate(run.closedBy)} ({run.years} years ago) whose child, when
        their date of birth is recorded, was born on or before {formatLongDate(run.bornBy)} (is {run.childAge} or older), unless the case is on{" "}
        <Link href="/admin/data-protection/legal-holds">legal hold</Link>. Names, contact details, notes, other free text, documents&apos; contents and the family&apos;s uploads are removed.
        Dates, statuses, outcomes and the reference are kept, so the reports do not change.
      </p>
      <h2 className="h-m" data-testid="due-count">
        {run.dueTotal === 0 ? "No cases are due" : run.dueTotal === 1 ? "1 case is due" : `${run.dueTotal} cases are due`}
      </h2>
      {run.due.length > 0 && (
        <>
          {run.dueTotal > run.due.length && <p className="body">The first {run.due.length} are shown, the longest closed first.</p>}
            <table className="table" data-testid="due-cases">
              <caption className="visually-hidden">Cases the next purge would anonymise, the longest closed first</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Local authority</th>
                  <th scope="col">Closed</th>
                  <th scope="col">Parties</th>
                  <th scope="col">Notes</th>
                  <th scope="col">Documents</th>
                  <th scope="col">Uploads</th>
                  <th scope="col">Emails</th>
                  <th scope="col">Timeline entries</th>
                </tr>
              </thead>
              <tbody>
                {run.due.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/cases/${encodeURIComponent(c.id)}`}>{c.reference}</Link>
                    </td>
                    <td>{c.localAuthorityName}</td>
                    <td>{formatLongDate(c.closedOn)}</td>
                    <td>{c.counts.parties}</td>
                    <td>{c.counts.notes}</td>
                    <td>{c.counts.documents}</td>
                    <td>{c.counts.familyUploads}</td>
                    <td>{c.counts.emails}</td>
                    <td>{c.counts.timelineEntries}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total
                  </th>
                  <td>{run.totals.parties}</td>
                  <td>{run.totals.notes}</td>
                  <td>{run.totals.documents}</td>
                  <td>{run.totals.familyUploads}</td>
                  <td>{run.totals.emails}</td>
                  <td>{run.totals.timelineEntries}</td>
                </tr>
              </tfoot>
            </table>
        </>
      )}
      <h2 className="h-m">Kept by a hold</h2>
      {run.held.length === 0 ? (
        <p className="body">No case past retention is on hold.</p>
      ) : (
        <table className="table" data-testid="held-cases">
          <caption className="visually-hidden">Cases past retention kept by a legal hold or an appeal</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Closed</th>
              <th scope="col">Why it is kept</th>
            </tr>
          </thead>
          <tbody>
            {run.held.map((c) => (
              <tr key={c.id}>
                <td>{c.reference}</td>
                <td>{formatLongDate(c.closedOn)}</td>
                <td>{c.legalHoldReason ?? (c.appealLodgedOn ? `An appeal was lodged on ${formatLongDate(c.appealLodgedOn)}` : "Legal hold")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
