/**
 * Does a lifecycle transition from the case's page (start contacting, schedule the meeting,
 * record it held, issue a certificate, withdraw, close, …): validation, policy, then
 * ./apply-transition.ts in one transaction. The allocation page uses
 * lib/cases/allocation/allocate-mediator.ts; both make the same conflict-of-interest check.
 */
import "server-only";
import { z } from "zod";
import { transaction } from "@/lib/platform/db";
import { authorize } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { fieldError, parseInput } from "@/lib/platform/validation";
import { DomainError } from "@/lib/platform/errors";
import { getTransition, TRANSITION_NAMES, type TransitionName } from "../lifecycle";
import { caseCommandSchema } from "../store";
import { assertMediatorCanBeAllocated } from "../allocation/conflicts";
import { applyTransition, type TransitionResult } from "./apply-transition";
import { isCertificateTransition, issueCertificateWithTransition } from "@/lib/certificates/issue-certificate";

export type { TransitionResult } from "./apply-transition";

export const transitionSchema = caseCommandSchema.extend({
  name: z.enum(TRANSITION_NAMES, { error: "That is not something that can be done to a case." }),
  input: z.record(z.string(), z.union([z.string(), z.boolean()]), { error: "The form could not be read. Reload the page and try again." }),
});

/**
 * The inputs a form posted for this transition: only those its row names; a checkbox ("yes" or
 * absent) becomes a boolean.
 */
export function transitionInputFromForm(name: string, values: Record<string, string>): Record<string, string | boolean> {
  const t = getTransition(name);
  const out: Record<string, string | boolean> = {};
  for (const spec of [...(t?.requires ?? []), ...(t?.accepts ?? [])]) {
    if (spec.type === "boolean") out[spec.name] = values[spec.name] === "yes";
    else if (values[spec.name] !== undefined) out[spec.name] = values[spec.name]!;
  }
  return out;
}

const CANCEL_ELSEWHERE = "Cancel the joint meeting from its page, so that everyone invited is sent the cancellation.";
const MOVE_ELSEWHERE = "The joint meeting is booked: move it on the meeting page, so that everyone invited is sent the new date.";

export async function transitionCase(
  user: SessionUser,
  caseId: string,
  name: string,
  expectedVersion: number | string,
  input: Record<string, string | boolean>,
  ip: string | null = null,
): Promise<TransitionResult> {
  const v = parseInput(transitionSchema, { caseId, name, expectedVersion, input });
  authorize(user, "case:transition", { hide: false });
  if (v.name === "allocate" || v.name === "reallocate") authorize(user, "case:allocate", { hide: false });
  // A row done on its own page records more than its inputs (the meeting record, issue 10).
  const own = getTransition(v.name)!;
  if (own.ownPage) throw new DomainError(`${own.label} is done on its own page, which records everything about it.`, "OWN_PAGE");
  const picked: TransitionName = v.name;
  // Issue 10: cancelling the joint meeting also cancels the meeting and tells everyone invited, so
  // it is done only by lib/meetings/cancel-joint-meeting.ts (the case page's action calls that).
  if (picked === "cancelMeeting") throw new DomainError(CANCEL_ELSEWHERE, "USE_MEETING_COMMAND");
  // Issue 11: issuing a certificate writes the certificate, its PDF and its emails with the
  // transition, in the same transaction (lib/certificates/issue-certificate.ts).
  if (isCertificateTransition(picked)) return transaction((tx) => issueCertificateWithTransition(tx, user, v.caseId, picked, v.expectedVersion, v.input, ip));
  return transaction((tx) =>
    applyTransition(tx, user, v.caseId, picked, v.expectedVersion, v.input, ip, async (plan) => {
      // the same check as allocateMediator: an active mediator without a conflict of interest.
      if (picked === "allocate" || picked === "reallocate") await assertMediatorCanBeAllocated(tx, v.caseId, plan.record.mediatorId as string);
      // Issue 10: Case.meetingOn is derived from the booked joint meeting: a date recorded here
      // would leave the meeting (and everyone's invitation) at the old one.
      if (picked === "scheduleMeeting") {
        const booked = await tx.meeting.count({ where: { caseId: v.caseId, kind: { in: ["JOINT_MEETING", "DRS_MEETING"] }, status: "SCHEDULED" } });
        if (booked > 0) fieldError("meetingOn", MOVE_ELSEWHERE);
      }
    }),
  );
}
