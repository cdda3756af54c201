/**
 * A dry run of `transitionCase` for the confirmation step before a transition that ends the
 * mediation route: the same checks, nothing written. Says what will happen (the deadlines it
 * starts, with their dates). Throws AlreadyDoneError when this user's identical action was
 * already done (issue 9 item 15).
 */
import "server-only";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { formatLongDate } from "@/lib/deadlines";
import { parseInput } from "@/lib/platform/validation";
import { toSnapshot } from "../store";
import { DEADLINES, dueDateFor } from "../deadlines/definitions";
import type { TransitionPlan } from "../lifecycle";
import { AlreadyDoneError, checkPlan, loadForTransition, planWarnings } from "./apply-transition";
import { transitionSchema } from "./transition-case";

export type TransitionPreview = {
  plan: TransitionPlan;
  /** "Certificate (no mediation) due by Friday 4 April 2025" */
  starts: string[];
  /** Allowed, but worth saying before it is confirmed (see planWarnings). */
  warnings: string[];
};

export async function previewTransition(
  user: SessionUser,
  caseId: string,
  name: string,
  expectedVersion: number | string,
  input: Record<string, string | boolean>,
): Promise<TransitionPreview> {
  const v = parseInput(transitionSchema, { caseId, name, expectedVersion, input });
  authorize(user, "case:transition", { hide: false });
  const { row, alreadyDone } = await loadForTransition(user, v.caseId, v.expectedVersion, v.name, v.input);
  // Issue 9 item 15: the same form checked again after it was confirmed (Back, then Continue).
  if (alreadyDone) throw new AlreadyDoneError(v.caseId, alreadyDone);
  const snapshot = toSnapshot(row);
  const plan = checkPlan(snapshot, user, v.name, v.input);
  const trigger = plan.triggerDate;
  const starts = trigger ? plan.starts.map((n) => `${DEADLINES[n].label} ${formatLongDate(dueDateFor(n, trigger))}`) : [];
  return { plan, starts, warnings: planWarnings(snapshot, plan) };
}
