"use server";
/**
 * Issue 13: a staff member sets up their own second sign-in step (TOTP). Both actions are allowed
 * to an admin who has not set it up yet: they are how it gets set up (app/_server/action.ts).
 */
import { redirect } from "next/navigation";
import { startSecondFactorEnrolment } from "@/lib/auth/totp/start-enrolment";
import { confirmSecondFactorEnrolment } from "@/lib/auth/totp/confirm-enrolment";
import { SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";
import { runAction, type ActionState } from "../../_server/action";

export async function startSecondFactorAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "account:second-factor",
    allowWithoutSecondFactor: true,
    run: async (_v, { user, ip }) => {
      await startSecondFactorEnrolment(user, ip);
      redirect(SECOND_FACTOR_PATH);
    },
  });
}

export async function confirmSecondFactorAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "account:second-factor",
    allowWithoutSecondFactor: true,
    echo: false,
    run: async (v, { user, ip }) => {
      await confirmSecondFactorEnrolment(user, { code: v.code }, ip);
      redirect(`${SECOND_FACTOR_PATH}?done=on`);
    },
  });
}
