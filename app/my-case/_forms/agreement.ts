/**
 * Signing (or declining) the agreement while signed in (issue 12, R-40; decision 0019), posted to
 * its own page without JavaScript (decision 0038): the family user's own answer, bound to the hash
 * of the text the page showed. Another case's, or an agreement they are not a signer of, is a 404.
 */
import "server-only";
import { redirect } from "next/navigation";
import { runActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { signAsFamilyUser } from "@/lib/agreements/sign-as-family-user";
import { familyCaseHref } from "@/lib/family/home/links";

export async function signAgreementForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runActionAs(caller, fd, {
    permission: "family:workspace",
    run: async (v, { user, ip }) => {
      const r = await signAsFamilyUser(user, v, ip);
      const done = r.outcome === "DECLINED" ? "declined" : r.sealed ? "sealed" : "signed";
      redirect(`${familyCaseHref(v.caseId ?? "", "AGREEMENT")}?done=${done}`);
    },
  });
}
