/**
 * Server actions' side of the one chain every form follows (./action-chain.ts): the caller from
 * the request Next gives the action (next/headers).
 */
import "server-only";
import type { Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { clientIp, getSessionUser } from "./auth";
import { runActionAs, runPublicActionAs, type ActionState, type Options } from "./action-chain";

export * from "./action-chain";

/**
 * A signed-in action: signed out → sign-in page; lacking `permission` → 404 (never 403); an admin
 * without the second sign-in step → its set-up page (issue 13), unless the action is that set-up.
 */
export async function runAction<R extends ActionState | void>(formData: FormData, opts: Options<SessionUser, R> & { permission: Permission; allowWithoutSecondFactor?: boolean }): Promise<ActionState> {
  const user = await getSessionUser();
  return runActionAs({ user, ip: user ? await clientIp() : null }, formData, opts);
}

/** A public action (no sign-in), the caller's address from the request Next gives the action. */
export async function runPublicAction<R extends ActionState | void>(formData: FormData, opts: Options<null, R>): Promise<ActionState> {
  return runPublicActionAs({ user: null, ip: await clientIp() }, formData, opts);
}
