"use server";
/**
 * Issue 13: the second step of a staff sign-in — the code from the authenticator app. Works without
 * JavaScript. The pending sign-in is the encrypted cookie the password step set
 * (app/_server/sign-in-step.ts); the session starts only when the code is right.
 */
import { redirect } from "next/navigation";
import { verifySignInCode } from "@/lib/auth/totp/verify-sign-in-code";
import { CODE_MESSAGES } from "@/lib/auth/totp/totp";
import { signInWaitMessage } from "@/lib/auth/staff-sign-in";
import { HOME_BY_ROLE } from "@/lib/auth/types";
import { runPublicAction, type ActionState } from "../../_server/action";
import { startSession } from "../../_server/auth";
import { endSignInStep, readSignInStep } from "../../_server/sign-in-step";

export async function verifySignInCodeAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const state = await runPublicAction(fd, {
    echo: false,
    run: async (values, { ip }): Promise<ActionState | void> => {
      const step = await readSignInStep();
      if (!step) redirect("/sign-in?expired=1");
      const r = await verifySignInCode(step, values.code, ip);
      if (r.ok) {
        await endSignInStep();
        await startSession(r.user.id, r.sessionVersion);
        redirect(step.next ?? HOME_BY_ROLE[r.user.role]);
      }
      if (r.reason === "RESTART") {
        await endSignInStep();
        redirect("/sign-in?expired=1");
      }
      if (r.reason === "WAIT") return { status: "error", message: signInWaitMessage(r.retryAfterSeconds) };
      const typed = (values.code ?? "").trim();
      return { status: "error", fieldErrors: { code: typed === "" ? CODE_MESSAGES.missing : r.reason === "FORMAT" ? CODE_MESSAGES.format : CODE_MESSAGES.wrong } };
    },
  });
  return state;
}
