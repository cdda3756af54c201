"use server";
/**
 * The public signing page's answer (issue 11, R-40): no sign-in — the actor is whoever holds the
 * link. The command screens the submission (size, honeypot, rate limit per address) and checks the
 * link; an unknown link is a 404.
 */
import { redirect } from "next/navigation";
import { runPublicAction, type ActionState } from "../../_server/action";
import { signWithToken } from "@/lib/agreements/sign-with-token";

export async function signWithTokenAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runPublicAction(fd, {
    echo: true,
    run: async (v, { ip }) => {
      const r = await signWithToken(v, ip);
      if (!r) return { status: "success" as const, message: "Thank you." };
      redirect(`/sign/done?outcome=${r.outcome === "SIGNED" ? "signed" : "declined"}`);
    },
  });
}
