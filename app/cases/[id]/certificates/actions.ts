"use server";
/**
 * Correcting a certificate from its confirmation page: one lib command, audited; staff only
 * (`certificate:correct`; anyone else: 404).
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../_server/action";
import { correctCertificate } from "@/lib/certificates/correct-certificate";

export async function correctCertificateAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "certificate:correct",
    run: async (v, { user, ip }) => {
      const r = await correctCertificate(user, { certificateId: v.certificateId ?? "", reason: v.reason ?? "", issuedOn: v.issuedOn ?? "", confirmed: v.confirmed === "yes" ? true : (false as unknown as true) }, ip);
      redirect(`/cases/${encodeURIComponent(r.caseId)}?done=certificateCorrected#certificates`);
    },
  });
}
