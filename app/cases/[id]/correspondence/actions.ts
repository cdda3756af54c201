"use server";
/**
 * Sending a letter or email from a case (issue 13, decision 0030): choose (checked, then the
 * preview), then confirm (sent). Each is the one chain (app/_server/action.ts) around one lib
 * command; the office only (`correspondence:send`; anyone else: 404).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { previewCorrespondence } from "@/lib/correspondence/preview-correspondence";
import { sendCorrespondence } from "@/lib/correspondence/send-correspondence";
import { ConflictError } from "@/lib/platform/errors";
import { correspondenceUrl, previewUrl } from "./urls";

export async function chooseCorrespondenceAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "correspondence:send",
    run: async (v, { user }) => {
      const p = await previewCorrespondence(user, v.caseId ?? "", { template: v.template, recipient: v.recipient });
      redirect(previewUrl(p.case.id, p.template.key, p.recipient.value));
    },
  });
}

export async function sendCorrespondenceAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "correspondence:send",
    run: async (v, { user, ip }) => {
      const caseId = v.caseId ?? "";
      let sent;
      try {
        sent = await sendCorrespondence(user, caseId, { template: v.template, recipient: v.recipient, templateVersion: v.templateVersion }, ip);
      } catch (e) {
        // The template changed since the preview: show the new one, with a note, before sending.
        if (e instanceof ConflictError) redirect(`${previewUrl(caseId, v.template ?? "", v.recipient ?? "")}&changed=1`);
        throw e;
      }
      redirect(sent.channel === "EMAIL" ? correspondenceUrl(caseId, "done=email") : correspondenceUrl(caseId, `done=letter&letter=${encodeURIComponent(sent.documentId)}`));
    },
  });
}
