/**
 * The public self-referral (/refer), posted to its own page without JavaScript (decision 0038): no
 * sign-in. The one chain around lib/cases/intake's command, which screens the submission
 * (honeypot → answers → per-address rate limit) before writing; the form's submission key makes a
 * double click or a retry one case (decision 0035).
 */
import "server-only";
import { redirect } from "next/navigation";
import { runPublicActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { createSelfReferral } from "@/lib/cases/intake/create-self-referral";
import { publicOrigin } from "@/lib/platform/public-origin";

export async function selfReferralForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runPublicActionAs(caller, fd, {
    run: async (values, { ip }) => {
      const result = await createSelfReferral(values, ip, new Date(), publicOrigin());
      // A filled honeypot gets the same confirmation page, without a reference (nothing was written).
      redirect(result.status === "created" ? `/refer/done?reference=${encodeURIComponent(result.reference)}` : "/refer/done");
    },
  });
}
