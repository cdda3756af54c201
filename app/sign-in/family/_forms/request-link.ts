/**
 * The family's "email me a sign-in link" form, posted to its own page without JavaScript (decision
 * 0038): the one chain around lib/auth/family-link, which checks the email and the rate limits
 * (per address and per account, unchanged). Finding the account and sending the link happen after
 * the answer (afterAnswer: the page's caller runs them unawaited), so the answer takes the same time whether or not the email is known.
 */
import "server-only";
import { redirect } from "next/navigation";
import { afterAnswer, runPublicActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { requestFamilyLink } from "@/lib/auth/family-link";
import { publicOrigin } from "@/lib/platform/public-origin";

export async function requestLinkForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runPublicActionAs(caller, fd, {
    run: async (values, { ip }) => {
      const r = await requestFamilyLink(values.email ?? "", publicOrigin(), ip);
      await afterAnswer(caller, r.followUp);
      redirect("/sign-in/family/check-email");
    },
  });
}
