"use server";
/**
 * An agreed action's forms (issue 11): record progress, mark it done, close it with a reason. The LA
 * officer of the case's LA, caseworkers and admins (`obligation:update`; anyone else: 404). Each is
 * one lib command, audited; back to the action's page with a success banner.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { recordObligationProgress } from "@/lib/obligations/record-obligation-progress";
import { markObligationDone } from "@/lib/obligations/mark-obligation-done";
import { closeObligation } from "@/lib/obligations/close-obligation";

const actionUrl = (r: { caseId: string; obligationId: string }, done: string) => `/cases/${encodeURIComponent(r.caseId)}/actions/${encodeURIComponent(r.obligationId)}?done=${done}`;

export async function recordProgressAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "obligation:update",
    run: async (v, { user, ip }) => {
      const r = await recordObligationProgress(user, { caseId: v.caseId ?? "", obligationId: v.obligationId ?? "", note: v.note ?? "", evidence: v.evidence ?? "", shareWithFamily: v.shareWithFamily ?? "" }, ip);
      redirect(actionUrl(r, "progress"));
    },
  });
}

export async function markDoneAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "obligation:update",
    run: async (v, { user, ip }) => {
      const r = await markObligationDone(
        user,
        { caseId: v.caseId ?? "", obligationId: v.obligationId ?? "", completedOn: v.completedOn ?? "", note: v.note ?? "", evidence: v.evidence ?? "", shareWithFamily: v.shareWithFamily ?? "" },
        ip,
      );
      redirect(actionUrl(r, "done"));
    },
  });
}

export async function closeObligationAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "obligation:update",
    run: async (v, { user, ip }) => {
      const r = await closeObligation(user, { caseId: v.caseId ?? "", obligationId: v.obligationId ?? "", reason: v.reason ?? "" }, ip);
      redirect(actionUrl(r, "closed"));
    },
  });
}
