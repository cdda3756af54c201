import "server-only";
import { cache } from "react";
import { getReferralDraft } from "@/lib/cases/intake/referral-draft";
import { previewReferralDates } from "@/lib/cases/intake/preview-referral-dates";
import type { ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { isHealthOnly } from "@/lib/cases/about/rules";
import type { SessionUser } from "@/lib/auth/types";
import { requireUser } from "../../../_server/auth";

/** The signed-in caseworker and their draft, read once per request (the page and its title). Others: 404. */
export const loadReferral = cache(async () => {
  const user = await requireUser("case:create");
  return { user, draft: await getReferralDraft(user) };
});

/** The page title: "Error: " first when the page shows problems (GOV.UK). */
export function referralTitle(title: string, hasProblems: boolean): string {
  return `${hasProblems ? "Error: " : ""}${title} – New referral`;
}

/** What the preview of the dates needs from the answers besides the dates. */
export function previewContext(values: ReferralFormValues) {
  const categories = values.issues.map((i) => i.category);
  return { kind: values.kind, hasHealthIssue: categories.includes("HEALTH"), healthOnly: isHealthOnly(categories) };
}

/** The R-10 warning and dates for the saved answers. */
export function previewOf(user: SessionUser, values: ReferralFormValues) {
  return previewReferralDates(user, { ...previewContext(values), decisionSentOn: values.decisionSentOn, laNotifiedOn: values.laNotifiedOn });
}
