"use server";
/**
 * R-01 (decision 0022): the young person's answer to "Can your parent or carer see your case?".
 * One lib command (it re-authorizes, scope-checks and audits); a withdrawal comes back first as a
 * confirmation step (state.data.confirm); a saved answer goes back to the page with a banner.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { changeParentAccess } from "@/lib/family/parent-access/change-parent-access";

export async function changeParentAccessAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "family:parent-access",
    run: async (v, { user, ip }) => {
      const r = await changeParentAccess(user, { caseId: v.caseId, canSee: v.canSee, confirmed: v.confirmed }, ip);
      if (r.status === "CONFIRM_WITHDRAWAL") return { status: "success", data: { confirm: true } };
      redirect(`/my-case/${encodeURIComponent(v.caseId ?? "")}/parent-access?done=${r.given ? "given" : "withdrawn"}`);
    },
  });
}
