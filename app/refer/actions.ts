"use server";
/**
 * The public self-referral (/refer): no sign-in. The one chain around lib/cases/intake's command,
 * which screens the submission (honeypot → answers → per-address rate limit) before writing.
 * Works without JavaScript (a plain form post).
 */
import { redirect } from "next/navigation";
import { createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import { runPublicAction, type ActionState } from "../_server/action";
import { appOrigin } from "../_server/origin";

export async function selfReferralAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runPublicAction(formData, {
    run: async (values, { ip }) => {
      const result = await createSelfReferral(values, ip, new Date(), await appOrigin());
      // A filled honeypot gets the same confirmation page, without a reference (nothing was written).
      redirect(result.status === "created" ? `/refer/done?reference=${encodeURIComponent(result.reference)}` : "/refer/done");
    },
  });
}
