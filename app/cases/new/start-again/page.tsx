/** "Start again" asks first (/cases/new/start-again): deleting the answers is a form post. */
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ErrorSummary } from "@/components/ErrorSummary";
import { isReferralStage } from "@/lib/cases/intake/referral-steps";
import { startAgainAction } from "../actions";
import { loadReferral, referralTitle } from "../_components/load";
import { UNEXPECTED_PROBLEM } from "../_components/ReferralFrame";
import { StepHeading } from "../_components/StepHeading";
import { stepPath } from "../paths";

export const dynamic = "force-dynamic";

const TITLE = "Are you sure you want to start again?";

type Params = { searchParams: Promise<{ from?: string; problem?: string }> };

export async function generateMetadata({ searchParams }: Params): Promise<Metadata> {
  await loadReferral();
  return { title: referralTitle(TITLE, !!(await searchParams).problem) };
}

export default async function StartAgainPage({ searchParams }: Params) {
  const { draft } = await loadReferral();
  const { from, problem } = await searchParams;
  const back = stepPath(isReferralStage(from) ? from : draft.stage);
  if (!draft.started) redirect(stepPath("who"));
  return (
    <>
      <ErrorSummary message={problem ? UNEXPECTED_PROBLEM : undefined} />
      <span className="caption">New referral</span>
      <StepHeading>{TITLE}</StepHeading>
      <p className="body">Everything you have entered for this referral will be deleted.</p>
      <form action={startAgainAction} noValidate>
        <button type="submit" className="button button--warning">
          Yes, delete my answers and start again
        </button>
      </form>
      <p className="body">
        <Link href={back}>No, keep my answers</Link>
      </p>
    </>
  );
}
