"use server";
/** R-01 (decision 0022): a caseworker records the young person's answer given by phone or letter. */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { recordParentAccess } from "@/lib/family/parent-access/record-parent-access";

export async function recordParentAccessAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "case:update",
    run: async (v, { user, ip }) => {
      await recordParentAccess(user, { caseId: v.caseId, canSee: v.canSee, how: v.how }, ip);
      redirect(`/cases/${encodeURIComponent(v.caseId ?? "")}/parent-access?done=1`);
    },
  });
}
