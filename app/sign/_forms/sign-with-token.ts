/**
 * The public signing page's answer (issue 11, R-40), posted to its own page without JavaScript
 * (decision 0038): no sign-in — the actor is whoever holds the link. The command screens the
 * submission (size, honeypot, rate limit per address) and checks the link; an unknown link is a 404.
 */
import "server-only";
import { redirect } from "next/navigation";
import { runPublicActionAs, type ActionState, type Caller } from "@/app/_server/action-chain";
import { signWithToken } from "@/lib/agreements/sign-with-token";

export async function signWithTokenForm(caller: Caller, fd: FormData): Promise<ActionState> {
  return runPublicActionAs(caller, fd, {
    echo: true,
    run: async (v, { ip }) => {
      const r = await signWithToken(v, ip);
      if (!r) return { status: "success" as const, message: "Thank you." };
      redirect(`/sign/done?outcome=${r.outcome === "SIGNED" ? "signed" : "declined"}`);
    },
  });
}
