/** The referral was created (/cases/new/done): its reference, and where to go next. */
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCaseHeader } from "@/lib/cases/details/get-case-header";
import { loadReferral } from "../_components/load";
import { StepHeading } from "../_components/StepHeading";
import { stepPath } from "../paths";

export const dynamic = "force-dynamic";
export const metadata = { title: "Referral created" };

export default async function ReferralCreatedPage({ searchParams }: { searchParams: Promise<{ again?: string }> }) {
  const { user, draft } = await loadReferral();
  // Only right after creating: once a new referral is started, the last one is in the case list.
  if (!draft.createdCaseId) redirect(stepPath("who"));
  const created = await getCaseHeader(user, draft.createdCaseId);
  const { again } = await searchParams;
  return (
    <>
      {again && (
        <div className="notification" role="status">
          <p className="notification__title">This referral was already created</p>
          <p className="notification__body">These answers were sent before and made the case below: nothing new was created.</p>
        </div>
      )}
      <div className="panel">
        <StepHeading>Referral created</StepHeading>
        <p>
          Case reference
          <strong data-testid="case-reference">{created.reference}</strong>
        </p>
      </div>
      <p className="body">The case has been added to the case list with the status “Referred”.</p>
      <p className="body">
        <Link href={`/cases/${created.id}`}>Go to case {created.reference}</Link>
      </p>
      <p className="body">
        <Link href="/cases">Go to the case list</Link>
      </p>
      <p className="body">
        <Link href={stepPath("who")}>Log another referral</Link>
      </p>
    </>
  );
}
