/**
 * The statutory dates for the referral's answers so far: shown live on the form and on "Check
 * your answers". Dates that are not valid yet are simply left out: the form's own checks explain
 * them. Every date comes from the date engine (lib/deadlines).
 */
import "server-only";
import { z } from "zod";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { adviserContactDeadline, formatLongDate, isDeadlineInputError, todayInLondon } from "@/lib/deadlines";
import { isTypedDate } from "../fields";
import { DEADLINES, dueDateFor } from "../deadlines/definitions";
import type { CaseKind, DeadlineName } from "../lifecycle/vocabulary";

export type DatePreview = { date: string; long: string; rule: string };
export type ReferralDatesPreview = {
  /** last day to contact a mediation adviser (2 months after the decision was sent). */
  adviserContactBy: DatePreview | null;
  /** set when today is after `adviserContactBy` — a warning, never a block. */
  lateDecisionWarning: string | null;
  /** the mediation must take place by this date. */
  mediationBy: DatePreview | null;
  /** the LA must tell the health commissioning body by this date. */
  healthNotificationBy: DatePreview | null;
  /** A date the engine cannot work with (e.g. outside the bank-holiday data, R-64). */
  fieldErrors: Record<string, string>;
};

const previewInput = z.object({
  kind: z.string().max(20).optional(),
  decisionSentOn: z.string().max(10).optional(),
  laNotifiedOn: z.string().max(10).optional(),
  hasHealthIssue: z.boolean().optional(),
  healthOnly: z.boolean().optional(),
});
export type PreviewInput = z.input<typeof previewInput>;

function preview(date: string, rule: string): DatePreview {
  return { date, long: formatLongDate(date), rule };
}

/**
 * R-10: the warning shown when the decision was sent more than 2 months ago. The referral can
 * still be made (the family may still mediate, or use R-50's later appeal date).
 */
export function lateDecisionWarning(decisionSentOn: string, today: string = todayInLondon()): string | null {
  const by = adviserContactDeadline(decisionSentOn);
  if (today <= by) return null;
  return `The decision was sent more than 2 months ago: the family needed to contact a mediation adviser by ${formatLongDate(by)}. Check whether they can still appeal. You can still create the referral.`;
}

/**
 * The deadlines a new referral opens (R-20; R-21 when any issue is about health). About health
 * only, the LA's 30 days do not apply: the ICB's start when it is told.
 */
export function deadlinesForNewReferral(kind: CaseKind, laNotifiedOn: string | null, hasHealthIssue: boolean, healthOnly = false): DeadlineName[] {
  if (kind !== "MEDIATION" || !laNotifiedOn) return [];
  if (healthOnly) return ["HEALTH_NOTIFICATION"];
  return hasHealthIssue ? ["MEDIATION_30_DAY", "HEALTH_NOTIFICATION"] : ["MEDIATION_30_DAY"];
}

/** Answers that cannot be read at all (a forged request) simply show no dates. */
export function previewReferralDates(user: SessionUser, raw: unknown, today: string = todayInLondon()): ReferralDatesPreview {
  authorize(user, "case:create", { hide: false });
  const out: ReferralDatesPreview = { adviserContactBy: null, lateDecisionWarning: null, mediationBy: null, healthNotificationBy: null, fieldErrors: {} };
  const parsed = previewInput.safeParse(raw);
  if (!parsed.success) return out;
  const input = parsed.data;
  const kind = input.kind === "DRS" || input.kind === "ADVICE_ONLY" ? input.kind : "MEDIATION";
  const usable = (iso: string | undefined): iso is string => !!iso && isTypedDate(iso) && iso <= today;
  const sent = input.decisionSentOn;
  if (kind !== "DRS" && usable(sent)) {
    out.adviserContactBy = preview(adviserContactDeadline(sent), "R-10");
    out.lateDecisionWarning = lateDecisionWarning(sent, today);
  }
  const told = input.laNotifiedOn;
  if (kind === "MEDIATION" && usable(told)) {
    for (const name of deadlinesForNewReferral(kind, told, !!input.hasHealthIssue, !!input.healthOnly)) {
      try {
        const p = preview(dueDateFor(name, told), DEADLINES[name].rule);
        if (name === "MEDIATION_30_DAY") out.mediationBy = p;
        else out.healthNotificationBy = p;
      } catch (e) {
        if (!isDeadlineInputError(e)) throw e;
        out.fieldErrors.laNotifiedOn = e.message;
      }
    }
  }
  return out;
}
