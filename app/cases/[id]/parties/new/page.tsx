import { requireUser } from "../../../../_server/auth";
import { getCaseHeader } from "@/lib/cases/details/get-case-header";
import { orNotFound } from "../../_shared";
import { BackLink } from "../../_components/Notice";
import { PartyForm } from "../../_components/PartyForm";
import { FORM_TITLE_METADATA } from "@/components/page-title";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";

/** The form renders the title ("Error: " first after a post with problems, JavaScript or not). */
export const metadata = FORM_TITLE_METADATA;
export const dynamic = "force-dynamic";

/** Caseworkers and admins only (404 for everyone else). */
export default async function NewPartyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("case:update");
  const { id } = await params;
  const c = await orNotFound(getCaseHeader(user, id));
  return (
    <>
      <BackLink href={`/cases/${c.id}`} />
      <span className="caption">{c.reference}</span>
      <h1 className="h-l">Add a party</h1>
      <PartyForm submissionKey={newSubmissionKey()} caseId={c.id} version={c.version} initial={{ preferredContact: "EMAIL" }} title="Add a party" />
    </>
  );
}
