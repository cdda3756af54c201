"use server";
/**
 * Staff sign-in (issue 9, item 4): a server action, so the form posts to a real endpoint and works
 * before (or without) JavaScript. The one chain around lib/auth/staff-sign-in, which checks the
 * fields and the back-off; on success the session cookie is set here and the user goes to `next`
 * (a path on this site only) or their home. The password is never echoed back. A user with the
 * second step on (issue 13) goes on to /sign-in/code first, without a session yet.
 */
import { after } from "next/server";
import { redirect } from "next/navigation";
import { SIGN_IN_FAILED, signInWaitMessage, staffSignInFromForm } from "@/lib/auth/staff-sign-in";
import { safeReturnPath } from "@/lib/auth/sessions";
import { HOME_BY_ROLE } from "@/lib/auth/types";
import { runPublicAction, type ActionState } from "../_server/action";
import { startSession } from "../_server/auth";
import { startSignInStep } from "../_server/sign-in-step";

export async function staffSignInAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  const state = await runPublicAction(fd, {
    run: async (values, { ip }): Promise<ActionState | void> => {
      const r = await staffSignInFromForm(values, ip);
      // Issue 13: the password is right and the user has the second step on: ask for the code.
      if (!r.ok && r.reason === "CODE_NEEDED") {
        await startSignInStep({ ...r.pending, next: safeReturnPath(values.next) });
        redirect("/sign-in/code");
      }
      if (!r.ok) {
        if (r.reason === "INVALID" && r.followUp) after(r.followUp);
        return { status: "error", message: r.reason === "WAIT" ? signInWaitMessage(r.retryAfterSeconds) : SIGN_IN_FAILED };
      }
      await startSession(r.user.id, r.sessionVersion);
      redirect(safeReturnPath(values.next) ?? HOME_BY_ROLE[r.user.role]);
    },
  });
  if (state.values) delete state.values.password;
  return state;
}
