/**
 * One step of the new referral (/cases/new/who, /child, /decision, /issues, /parties): a form
 * rendered on the server from the saved answers that posts to a server action, so it works
 * without JavaScript; the answers are kept on the server (lib/cases/intake/referral-draft.ts).
 * Each step has its own address and title ("Error: " first when it shows problems).
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ErrorSummary } from "@/components/ErrorSummary";
import { listLocalAuthoritiesForIntake } from "@/lib/cases/intake/local-authorities";
import { REFERRAL_STEP_TITLES } from "@/lib/cases/intake/referral-schema";
import { INTENT_FIELD, isReferralStep } from "@/lib/cases/intake/referral-steps";
import { todayInLondon } from "@/lib/deadlines";
import { saveReferralStepAction } from "../actions";
import { loadReferral, previewContext, previewOf, referralTitle } from "../_components/load";
import { ReferralFrame, UNEXPECTED_PROBLEM } from "../_components/ReferralFrame";
import { ChildStep, DecisionStep, IssuesStep, PartiesStep, WhoStep } from "../_components/StepFields";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ step: string }>; searchParams: Promise<{ problem?: string; restored?: string }> };

export async function generateMetadata({ params, searchParams }: Params): Promise<Metadata> {
  const { step } = await params;
  if (!isReferralStep(step)) notFound();
  const { draft } = await loadReferral();
  const problems = Object.keys(draft.problems[step]).length > 0 || !!(await searchParams).problem;
  return { title: referralTitle(REFERRAL_STEP_TITLES[step], problems) };
}

export default async function ReferralStepPage({ params, searchParams }: Params) {
  const { step } = await params;
  if (!isReferralStep(step)) notFound();
  const { user, draft } = await loadReferral();
  const { problem, restored } = await searchParams;
  const { values } = draft;
  const errors = draft.problems[step];
  const today = todayInLondon();
  return (
    <ReferralFrame stage={step} title={REFERRAL_STEP_TITLES[step]} revision={draft.revision} restored={!!restored && draft.started} started={draft.started}>
      <form action={saveReferralStepAction} noValidate aria-label={REFERRAL_STEP_TITLES[step]} key={draft.revision}>
        <ErrorSummary errors={errors} message={problem ? UNEXPECTED_PROBLEM : undefined} />
        <input type="hidden" name="step" value={step} />
        {step === "who" && <WhoStep values={values} errors={errors} />}
        {step === "child" && <ChildStep values={values} errors={errors} today={today} />}
        {step === "decision" && (
          <DecisionStep
            values={values}
            errors={errors}
            localAuthorities={await listLocalAuthoritiesForIntake()}
            preview={previewOf(user, values)}
            context={previewContext(values)}
          />
        )}
        {step === "issues" && <IssuesStep values={values} errors={errors} />}
        {step === "parties" && <PartiesStep values={values} errors={errors} />}
        <button type="submit" className="button" name={INTENT_FIELD} value="continue">
          {draft.reachedCheck ? "Save and check your answers" : "Continue"}
        </button>
      </form>
    </ReferralFrame>
  );
}
