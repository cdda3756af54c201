"use server";
/**
 * Server actions of /admin/users (issue 13, decision 0027): each is the one chain
 * (app/_server/action.ts) around one lib command, then back to the user's page with a banner
 * (`?done=`). Deactivating, naming or removing a safeguarding lead and resetting the second
 * step are confirmed on a second step first ("check" saves nothing, "confirm" saves). Every form
 * posts the version the page showed, so a change made meanwhile by another admin is refused.
 */
import { redirect } from "next/navigation";
import { runAction, type ActionState } from "../../_server/action";
import { inviteUser } from "@/lib/admin/users/invite-user";
import { resendInvitation } from "@/lib/admin/users/resend-invitation";
import { changeUserRole } from "@/lib/admin/users/change-role";
import { deactivateUser } from "@/lib/admin/users/deactivate-user";
import { reactivateUser } from "@/lib/admin/users/reactivate-user";
import { setSafeguardingLead } from "@/lib/admin/users/set-safeguarding-lead";
import { resetSecondFactor } from "@/lib/admin/users/reset-second-factor";
import { unlockSignIn } from "@/lib/auth/unlock-sign-in";

const userUrl = (id: string, done: string) => `/admin/users/${encodeURIComponent(id)}?done=${done}`;
const UNREADABLE: ActionState = { status: "error", message: "The form could not be read. Reload the page and try again." };

export async function inviteUserAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      const r = await inviteUser(user, { name: v.name, email: v.email, role: v.role, localAuthorityId: v.localAuthorityId }, ip);
      redirect(userUrl(r.id, r.email.status === "FAILED" ? "invited-not-sent" : "invited"));
    },
  });
}

export async function resendInvitationAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      const r = await resendInvitation(user, { userId: v.userId, version: v.version }, ip);
      redirect(userUrl(v.userId ?? "", r.email.status === "FAILED" ? "link-not-sent" : "link-sent"));
    },
  });
}

export async function changeRoleAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      await changeUserRole(user, { userId: v.userId, version: v.version, role: v.role, localAuthorityId: v.localAuthorityId }, ip);
      redirect(userUrl(v.userId ?? "", "role"));
    },
  });
}

/** Deactivate (confirmed first) or re-activate (`change`). */
export async function changeUserStatusAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      const input = { userId: v.userId, version: v.version };
      if (v.change === "reactivate") {
        await reactivateUser(user, input, ip);
        redirect(userUrl(v.userId ?? "", "reactivated"));
      }
      if (v.change !== "deactivate") return UNREADABLE;
      if (v.step !== "confirm") return { status: "success" as const, data: { confirm: "deactivate" } };
      await deactivateUser(user, input, ip);
      redirect(userUrl(v.userId ?? "", "deactivated"));
    },
  });
}

/** name or stop being a safeguarding lead (`lead` "true"/"false"), confirmed first. */
export async function safeguardingLeadAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      if (v.lead !== "true" && v.lead !== "false") return UNREADABLE;
      if (v.step !== "confirm") return { status: "success" as const, data: { confirm: v.lead } };
      await setSafeguardingLead(user, { userId: v.userId, version: v.version, lead: v.lead }, ip);
      redirect(userUrl(v.userId ?? "", v.lead === "true" ? "lead-on" : "lead-off"));
    },
  });
}

/** Turn another user's two-step sign-in off (a lost phone), confirmed first. */
export async function resetSecondFactorAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      if (v.step !== "confirm") return { status: "success" as const, data: { confirm: "reset" } };
      await resetSecondFactor(user, { userId: v.userId, version: v.version }, ip);
      redirect(userUrl(v.userId ?? "", "two-step-reset"));
    },
  });
}

/** Clears the sign-in back-off of the account (lib/auth/unlock-sign-in.ts). */
export async function unlockSignInAction(_prev: ActionState, fd: FormData): Promise<ActionState> {
  return runAction(fd, {
    permission: "user:manage",
    run: async (v, { user, ip }) => {
      await unlockSignIn(user, v.userId ?? "", ip);
      redirect(userUrl(v.userId ?? "", "unlocked"));
    },
  });
}
