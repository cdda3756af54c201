"use server";
/**
 * The agreement's drafting and signing in the room (issue 11, R-40, R-72): each form calls one lib
 * command through the action chain ("agreement:draft"; anyone else: 404) and goes back to the page.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { startAgreement } from "@/lib/agreements/start-agreement";
import { updateAgreement } from "@/lib/agreements/update-agreement";
import { saveAgreementAction } from "@/lib/agreements/save-agreement-action";
import { removeAgreementAction } from "@/lib/agreements/remove-agreement-action";
import { requestSignatures } from "@/lib/agreements/request-signatures";
import { signInPerson } from "@/lib/agreements/sign-in-person";
import { sendSigningLink } from "@/lib/agreements/send-signing-link";
import { startCorrection } from "@/lib/agreements/start-correction";

const page = (caseId: string, done: string) => `/cases/${encodeURIComponent(caseId)}/agreement?done=${done}`;

export async function startAgreementAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await startAgreement(user, { caseId: v.caseId }, ip); redirect(page(v.caseId ?? "", "started")); } });
}

export async function updateAgreementAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await updateAgreement(user, v, ip); redirect(page(v.caseId ?? "", "saved")); } });
}

export async function saveActionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await saveAgreementAction(user, v, ip); redirect(page(v.caseId ?? "", "actionSaved")); } });
}

export async function removeActionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await removeAgreementAction(user, v, ip); redirect(page(v.caseId ?? "", "actionRemoved")); } });
}

export async function requestSignaturesAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await requestSignatures(user, v, ip); redirect(page(v.caseId ?? "", "ready")); } });
}

export async function signInPersonAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "agreement:draft",
    run: async (v, { user, ip }) => {
      const r = await signInPerson(user, v, ip);
      redirect(page(v.caseId ?? "", r.sealedDocumentId ? "sealed" : v.outcome === "DECLINED" ? "declined" : "signed"));
    },
  });
}

export async function sendLinkAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await sendSigningLink(user, v, ip); redirect(page(v.caseId ?? "", "linkSent")); } });
}

export async function startCorrectionAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, { permission: "agreement:draft", run: async (v, { user, ip }) => { await startCorrection(user, v, ip); redirect(page(v.caseId ?? "", "correction")); } });
}
