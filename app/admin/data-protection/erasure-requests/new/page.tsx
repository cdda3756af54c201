import { FORM_TITLE_METADATA } from "@/components/page-title";
import { requireUser } from "../../../../_server/auth";
import { BackLink } from "../../../../cases/[id]/_components/Notice";
import { RecordErasureForm } from "../../_components/ErasureForms";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Issue 13 (decision 0028): an admin records a request to erase a person's data. */
export default async function NewErasureRequestPage() {
  await requireUser("data-protection:manage");
  return (
    <>
      <BackLink href="/admin/data-protection/erasure-requests">Back to erasure requests</BackLink>
      <h1 className="h-l">Record an erasure request</h1>
      <p className="body">Another admin will decide it. Nothing is erased until then.</p>
      <RecordErasureForm title="Record an erasure request" submissionKey={newSubmissionKey()} />
    </>
  );
}
