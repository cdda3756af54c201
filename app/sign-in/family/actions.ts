"use server";
/**
 * The family's "email me a sign-in link" form: the one chain around lib/auth/family-link, which
 * checks the email and the per-address rate limit. Works without JavaScript. Finding the account
 * and sending the link happen after the answer (`after`), so the answer takes the same time
 * whether or not the email is known.
 */
import { after } from "next/server";
import { redirect } from "next/navigation";
import { requestFamilyLink } from "@/lib/auth/family-link";
import { runPublicAction, type ActionState } from "../../_server/action";
import { appOrigin } from "../../_server/origin";

export async function requestLinkAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runPublicAction(fd, {
    run: async (values, { ip }) => {
      const r = await requestFamilyLink(values.email ?? "", await appOrigin(), ip);
      after(r.followUp);
      redirect("/sign-in/family/check-email");
    },
  });
}
