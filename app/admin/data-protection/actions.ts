"use server";
/**
 * Data protection's server actions (issue 13, decision 0028): each is the one chain
 * (app/_server/action.ts) around one lib command, then back to a page with a banner (`?done=`).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { placeLegalHold, releaseLegalHold } from "@/lib/data-protection/legal-hold";
import { decideErasureRequest, recordErasureRequest } from "@/lib/data-protection/erasure-requests";

export async function placeLegalHoldAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "data-protection:manage",
    run: async (v, { user, ip }) => {
      await placeLegalHold(user, { reference: v.reference, reason: v.reason }, ip);
      redirect("/admin/data-protection/legal-holds?done=placed");
    },
  });
}

export async function releaseLegalHoldAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "data-protection:manage",
    run: async (v, { user, ip }) => {
      await releaseLegalHold(user, { caseId: v.caseId, reason: v.reason }, ip);
      redirect("/admin/data-protection/legal-holds?done=released");
    },
  });
}

export async function recordErasureRequestAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "data-protection:manage",
    run: async (v, { user, ip }) => {
      const r = await recordErasureRequest(user, { subjectName: v.subjectName, subjectEmail: v.subjectEmail, scope: v.scope, reason: v.reason, receivedOn: v.receivedOn }, ip);
      redirect(`/admin/data-protection/erasure-requests/${encodeURIComponent(r.id)}?done=recorded`);
    },
  });
}

export async function decideErasureRequestAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "data-protection:manage",
    run: async (v, { user, ip }) => {
      const r = await decideErasureRequest(user, { id: v.id, version: v.version, decision: v.decision, decisionReason: v.decisionReason }, ip);
      redirect(`/admin/data-protection/erasure-requests/${encodeURIComponent(v.id ?? "")}?done=${r.status === "APPROVED" ? "approved" : "refused"}`);
    },
  });
}
