"use server";
/**
 * Signing (or declining) the agreement while signed in (issue 12, R-40; decision 0019): the
 * family user's own answer, bound to the hash of the text the page showed. Another case's, or an
 * agreement they are not a signer of, is a 404.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../../../_server/action";
import { signAsFamilyUser } from "@/lib/agreements/sign-as-family-user";
import { familyCaseHref } from "@/lib/family/home/links";

export async function signAsFamilyUserAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "family:workspace",
    run: async (v, { user, ip }) => {
      const r = await signAsFamilyUser(user, v, ip);
      const done = r.outcome === "DECLINED" ? "declined" : r.sealed ? "sealed" : "signed";
      redirect(`${familyCaseHref(v.caseId ?? "", "AGREEMENT")}?done=${done}`);
    },
  });
}
