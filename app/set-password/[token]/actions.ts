"use server";
/**
 * Issue 13 (decision 0027): an invited staff member sets their password with the emailed link
 * (public: the token is the credential). Works without JavaScript. On success, to the sign-in
 * page: setting a password signs nobody in. The password is never echoed back.
 */
import { redirect } from "next/navigation";
import { PasswordLinkError, setPasswordWithLink } from "@/lib/auth/password-links/set-password-with-link";
import { runPublicAction, type ActionState } from "../../_server/action";

export async function setPasswordAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runPublicAction(fd, {
    echo: false,
    run: async (v, { ip }): Promise<ActionState | void> => {
      try {
        await setPasswordWithLink(v.token, { password: v.password, confirmPassword: v.confirmPassword }, ip);
      } catch (e) {
        if (e instanceof PasswordLinkError) return { status: "error", message: e.message, data: { linkState: e.state } };
        throw e;
      }
      redirect("/sign-in?passwordSet=1");
    },
  });
}
