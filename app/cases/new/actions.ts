"use server";
/**
 * Server actions of the new-referral steps (/cases/new/*): each a plain form post (so the form works
 * without JavaScript) through the one chain, one lib call each, then a redirect to the page to show
 * (post, redirect, get): the next step, or the same step with its problems. Moving on adds a
 * history entry, so browser Back goes to the previous step; staying on a step replaces it.
 */
import { redirect, RedirectType } from "next/navigation";
import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/policy";
import { createReferralFromDraft, discardReferralDraft, saveReferralStep } from "@/lib/cases/intake/referral-draft";
import { previewReferralDates, type PreviewInput, type ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import { runAction } from "../../_server/action";
import { getSessionUser } from "../../_server/auth";
import { ALREADY_CREATED_PATH, stepPath } from "./paths";

/** The error summary's id (components/ErrorSummary.tsx): a page with problems opens there. */
const ERROR_SUMMARY_ID = "error-summary";

/** Pages rendered before this post are stale (Back must show the answers as saved now). */
const refreshSteps = () => revalidatePath("/cases/new", "layout");

/** An unexpected failure (runAction logged it): the step again, with a message and the answers as last saved. */
function failed(step: string): never {
  redirect(`${stepPath(step)}?problem=1`, RedirectType.replace);
}

export async function saveReferralStepAction(formData: FormData): Promise<void> {
  const step = String(formData.get("step") ?? "");
  await runAction(formData, {
    permission: "case:create",
    echo: false,
    run: async (values, { user }) => {
      const saved = await saveReferralStep(user, step, values);
      refreshSteps();
      const same = saved.stage === step;
      // The fragment: where to start on the page (without JavaScript too) — the error summary, or a row just added.
      const focus = saved.focus ?? (Object.keys(saved.problems).length > 0 ? ERROR_SUMMARY_ID : null);
      redirect(`${stepPath(saved.stage)}${focus ? `#${focus}` : ""}`, same ? RedirectType.replace : RedirectType.push);
    },
  });
  failed(step);
}

export async function createReferralAction(formData: FormData): Promise<void> {
  await runAction(formData, {
    permission: "case:create",
    echo: false,
    run: async (_values, { user, ip }) => {
      const r = await createReferralFromDraft(user, ip);
      refreshSteps();
      if (r.status === "invalid") redirect(`${stepPath(r.stage)}#${ERROR_SUMMARY_ID}`, RedirectType.push);
      if (r.status === "already-created") redirect(r.caseId ? ALREADY_CREATED_PATH : stepPath("who"), RedirectType.replace);
      redirect("/cases/new/done", RedirectType.push);
    },
  });
  failed("check");
}

export async function startAgainAction(formData: FormData): Promise<void> {
  await runAction(formData, {
    permission: "case:create",
    echo: false,
    run: async (_values, { user }) => {
      await discardReferralDraft(user);
      refreshSteps();
      redirect(stepPath("who"), RedirectType.push);
    },
  });
  failed("start-again");
}

/** The statutory dates for the answers typed so far (with JavaScript, updated as they are typed); null when not allowed. */
export async function previewReferralDatesAction(input: PreviewInput): Promise<ReferralDatesPreview | null> {
  const user = await getSessionUser();
  if (!user || !can(user, "case:create")) return null;
  return previewReferralDates(user, input);
}
