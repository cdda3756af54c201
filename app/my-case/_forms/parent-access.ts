/**
 * R-01 (decision 0022): the young person's answer to "Can your parent or carer see your case?",
 * posted to its page without JavaScript (decision 0038). One lib command (it re-authorizes,
 * scope-checks and audits); a withdrawal comes back first as a confirmation step
 * (state.data.confirm); a saved answer goes back to the page with a banner.
 */
import "server-only";
import { redirect } from "next/navigation";
import { runActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { changeParentAccess } from "@/lib/family/parent-access/change-parent-access";

export async function changeParentAccessForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runActionAs(caller, fd, {
    permission: "family:parent-access",
    run: async (v, { user, ip }) => {
      const r = await changeParentAccess(user, { caseId: v.caseId, canSee: v.canSee, confirmed: v.confirmed }, ip);
      if (r.status === "CONFIRM_WITHDRAWAL") return { status: "success", data: { confirm: true } };
      redirect(`/my-case/${encodeURIComponent(v.caseId ?? "")}/parent-access?done=${r.given ? "given" : "withdrawn"}`);
    },
  });
}
