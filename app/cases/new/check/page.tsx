/** Check your answers (/cases/new/check), then "Create referral": a form post that works without JavaScript. */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ErrorSummary } from "@/components/ErrorSummary";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";
import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { newSubmissionKey } from "@/lib/platform/idempotency/submission";
import { createReferralAction } from "../actions";
import { loadReferral, previewOf, referralTitle } from "../_components/load";
import { CheckAnswers } from "../_components/CheckAnswers";
import { ReferralFrame, UNEXPECTED_PROBLEM } from "../_components/ReferralFrame";
import { ALREADY_CREATED_PATH, stepPath } from "../paths";

export const dynamic = "force-dynamic";

const TITLE = "Check your answers before creating the referral";

type Params = { searchParams: Promise<{ problem?: string }> };

export async function generateMetadata({ searchParams }: Params): Promise<Metadata> {
  await loadReferral();
  return { title: referralTitle(TITLE, !!(await searchParams).problem) };
}

export default async function CheckReferralPage({ searchParams }: Params) {
  const { user, draft } = await loadReferral();
  // Nothing to check: the case was just made from these answers (e.g. Back after creating it), or nothing was answered.
  if (!draft.started) redirect(draft.createdCaseId ? ALREADY_CREATED_PATH : stepPath("who"));
  const { problem } = await searchParams;
  return (
    <ReferralFrame stage="check" title={TITLE} revision={draft.revision} restored={false} started>
      <ErrorSummary message={problem ? UNEXPECTED_PROBLEM : undefined} />
      <CheckAnswers values={draft.values} localAuthorities={await listLocalAuthoritiesForIntake()} preview={previewOf(user, draft.values)} />
      <form action={createReferralAction} noValidate>
        <SubmissionKeyField value={newSubmissionKey()} />
        <button type="submit" className="button">
          Create referral
        </button>
      </form>
    </ReferralFrame>
  );
}
