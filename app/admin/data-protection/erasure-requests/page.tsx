import Link from "next/link";
import { requireUser } from "../../../_server/auth";
import { BackLink } from "../../../cases/[id]/_components/Notice";
import { formatLongDate } from "@/lib/deadlines";
import { listErasureRequests } from "@/lib/data-protection/erasure-requests";
import { Tag } from "@/components/Tag";
import { ERASURE_STATUS_TEXT } from "../_components/erasure-status";

export const metadata = { title: "Erasure requests" };
export const dynamic = "force-dynamic";

/** Issue 13 (decision 0028): requests to erase a person's data and their status. ADMIN only. */
export default async function ErasureRequestsPage() {
  const user = await requireUser("data-protection:manage");
  const list = await listErasureRequests(user);
  return (
    <>
      <BackLink href="/admin/data-protection">Back to data protection</BackLink>
      <h1 className="h-l">Erasure requests</h1>
      <p className="body">
        Record each request to erase a person&apos;s data as soon as it arrives. Another admin decides it: approving anonymises their records, unless a case of theirs is on legal hold or still
        open.
      </p>
      <p>
        <Link href="/admin/data-protection/erasure-requests/new" className="button">
          Record a request
        </Link>
      </p>
      {list.length === 0 ? (
        <p className="body">No requests yet.</p>
      ) : (
        <table className="table" data-testid="erasure-requests">
          <caption className="visually-hidden">Erasure requests, those waiting first</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Received</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/admin/data-protection/erasure-requests/${encodeURIComponent(r.id)}`}>{r.subjectName}</Link>
                </td>
                <td>{formatLongDate(r.receivedOn)}</td>
                <td>
                  <Tag>{ERASURE_STATUS_TEXT[r.status]}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
