/**
 * A caseworker allocates a mediator: the lifecycle's `allocate` (the first mediator, once consent
 * is in, R-73) or `reallocate` (a different mediator before the meeting). Validation, policy, then
 * one transaction: the case in scope at the version the user saw, the transition's checks, the
 * chosen user an active mediator with no conflict of interest with the LA or a party, then
 * the change, the timeline entry and the audit row (lib/cases/transition/apply-transition.ts).
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { parseInput } from "@/lib/platform/validation";
import type { CaseSnapshot, TransitionName } from "../lifecycle";
import { caseCommandSchema } from "../store";
import { applyTransition, type TransitionResult } from "../transition/apply-transition";
import { assertMediatorCanBeAllocated } from "./conflicts";

const allocateSchema = caseCommandSchema.extend({
  mediatorId: z.string({ error: "Choose a mediator." }).trim().min(1, "Choose a mediator.").max(200, "Choose a mediator from the list."),
});

const ALLOCATION_TRANSITIONS: readonly TransitionName[] = ["allocate", "reallocate"];

/** Which allocation transition applies: a first allocation, or a change of mediator. */
export function allocationTransitionFor(snapshot: Pick<CaseSnapshot, "allocatedMediatorId">): TransitionName {
  return snapshot.allocatedMediatorId ? "reallocate" : "allocate";
}

export async function allocateMediator(user: SessionUser, caseId: string, mediatorId: string, expectedVersion: number | string, ip: string | null = null): Promise<TransitionResult> {
  const v = parseInput(allocateSchema, { caseId, mediatorId, expectedVersion });
  authorize(user, "case:allocate", { hide: false });
  return transaction((tx) =>
    applyTransition(tx, user, v.caseId, { among: ALLOCATION_TRANSITIONS, pick: allocationTransitionFor }, v.expectedVersion, { mediatorId: v.mediatorId }, ip, async (plan) => {
      await assertMediatorCanBeAllocated(tx, v.caseId, plan.record.mediatorId as string);
    }),
  );
}
