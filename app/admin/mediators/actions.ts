"use server";
/**
 * Server actions of /admin/mediators/[id] (issue 13, decision 0029): a mediator's panel details,
 * and adding or removing a conflict of interest. Each is the one chain
 * (app/_server/action.ts) around one lib command, then back to the page with a banner.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { updateMediatorPanel } from "@/lib/admin/reference/update-mediator-panel";
import { addMediatorConflict } from "@/lib/admin/reference/add-mediator-conflict";
import { removeMediatorConflict } from "@/lib/admin/reference/remove-mediator-conflict";

const panelUrl = (id: string, done: string) => `/admin/mediators/${encodeURIComponent(id)}?done=${done}`;

export async function updateMediatorPanelAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const id = v.mediatorId ?? "";
      await updateMediatorPanel(
        user,
        id,
        v.expectedVersion ?? "",
        { accreditationBody: v.accreditationBody, accreditationNumber: v.accreditationNumber, accreditationExpiresOn: v.accreditationExpiresOn, monthlyCapacity: v.monthlyCapacity, areas: v.areas ?? "" },
        ip,
      );
      redirect(panelUrl(id, "updated"));
    },
  });
}

export async function addMediatorConflictAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const id = v.mediatorId ?? "";
      await addMediatorConflict(user, id, { localAuthorityId: v.localAuthorityId, partyName: v.partyName, partyEmail: v.partyEmail, reason: v.reason }, ip);
      redirect(panelUrl(id, "conflict-added"));
    },
  });
}

export async function removeMediatorConflictAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "reference-data:manage",
    run: async (v, { user, ip }) => {
      const id = v.mediatorId ?? "";
      await removeMediatorConflict(user, id, v.conflictId ?? "", ip);
      redirect(panelUrl(id, "conflict-removed"));
    },
  });
}
