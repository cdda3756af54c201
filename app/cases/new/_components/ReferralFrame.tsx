/**
 * What every new-referral page has around its questions: Back (to the previous step's address),
 * where the caseworker is, the heading, and "Start again", which asks first on a page of its own.
 */
import type { ReactNode } from "react";
import Link from "next/link";
import { REFERRAL_STEPS, REFERRAL_STEP_TITLES } from "@/lib/cases/intake/referral-schema";
import { stageBefore, type ReferralStage } from "@/lib/cases/intake/referral-steps";
import { DRAFT_DAYS } from "@/lib/cases/intake/referral-draft";
import { stepPath } from "../paths";
import { StepHeading } from "./StepHeading";

export const UNEXPECTED_PROBLEM = "Sorry, something went wrong and your last answers were not saved. Try again.";

export function ReferralFrame({
  stage,
  title,
  revision,
  restored,
  started,
  children,
}: {
  stage: ReferralStage;
  title: string;
  revision: string;
  /** Opened from "New referral" with answers saved earlier. */
  restored: boolean;
  /** Answers were saved: offer to start again. */
  started: boolean;
  children: ReactNode;
}) {
  const back = stageBefore(stage);
  const stepIndex = stage === "check" ? -1 : REFERRAL_STEPS.indexOf(stage);
  return (
    <>
      {back && (
        <p className="body">
          <Link href={stepPath(back)}>Back</Link>
        </p>
      )}
      {restored && (
        <div className="notification" role="status">
          <p className="notification__title">Draft restored</p>
          <p className="notification__body">We have brought back the answers you saved earlier. Choose “Start again” below if this is a different referral.</p>
        </div>
      )}
      {stage !== "check" && (
        <nav aria-label="Referral steps">
          <ol className="steps">
            {REFERRAL_STEPS.map((s, i) => (
              <li key={s} aria-current={s === stage ? "step" : undefined}>
                {i + 1}. {REFERRAL_STEP_TITLES[s]}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <span className="caption">{stepIndex >= 0 ? `New referral: step ${stepIndex + 1} of ${REFERRAL_STEPS.length}` : "New referral"}</span>
      <StepHeading revision={revision}>{title}</StepHeading>
      {children}
      {started && (
        <section aria-labelledby="start-again-heading" className="inset">
          <h2 id="start-again-heading" className="h-s">
            Your answers are saved
          </h2>
          <p className="body">They are kept until you create the referral or sign out, even if you close the page, for up to {DRAFT_DAYS} days.</p>
          <p className="body">
            <Link href={`${stepPath("start-again")}?from=${stage}`}>Start again</Link>
          </p>
        </section>
      )}
    </>
  );
}
