import Link from "next/link";
import { requireUser } from "../../_server/auth";
import { BackLink } from "../../cases/[id]/_components/Notice";
import { retentionYears, RETENTION_CHILD_AGE } from "@/lib/data-protection/retention";

export const metadata = { title: "Data protection" };
export const dynamic = "force-dynamic";

/** Issue 13 (decision 0028): the admins' data protection tasks. ADMIN only (404 for others). */
export default async function DataProtectionPage() {
  await requireUser("data-protection:manage");
  return (
    <>
      <BackLink href="/admin">Back to administration</BackLink>
      <h1 className="h-l">Data protection</h1>
      <p className="body">
        Closed cases are kept for {retentionYears()} years after they close, and at least until the child turns {RETENTION_CHILD_AGE} when their date of birth is recorded. After that, a job
        that runs every night anonymises them, unless they are on legal hold. The <Link href="/privacy" prefetch={false}>privacy notice</Link> tells families what we keep and why.
      </p>
      <ul className="body list-disc pl-6">
        <li>
          <Link href="/admin/data-protection/subject-access">Subject access requests</Link>: export everything held about a person.
        </li>
        <li>
          <Link href="/admin/data-protection/retention">Cases due to be anonymised</Link>: what the next purge would anonymise (a dry run).
        </li>
        <li>
          <Link href="/admin/data-protection/legal-holds">Legal holds</Link>: keep a case while a claim, complaint or appeal needs it.
        </li>
        <li>
          <Link href="/admin/data-protection/erasure-requests">Erasure requests</Link>: record a request to erase a person&apos;s data, and decide it.
        </li>
      </ul>
    </>
  );
}
