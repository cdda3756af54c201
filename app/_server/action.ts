/**
 * Server actions' side of the one chain every form follows (./action-chain.ts): the caller from
 * the request Next gives the action (next/headers).
 */
import "server-only";
import type { Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";
import { openSubmission } from "@/lib/platform/idempotency/submission";
import { checkPublicInput, INPUT_TOO_LARGE_MESSAGE } from "@/lib/platform/security/input-bounds";
import { clientIp, getSessionUser } from "./auth";
import { formValues, perform, runActionAs, type ActionState, type Options } from "./action-chain";

export * from "./action-chain";

/**
 * A signed-in action: signed out → sign-in page; lacking `permission` → 404 (never 403); an admin
 * without the second sign-in step → its set-up page (issue 13), unless the action is that set-up.
 */
export async function runAction<R extends ActionState | void>(formData: FormData, opts: Options<SessionUser, R> & { permission: Permission; allowWithoutSecondFactor?: boolean }): Promise<ActionState> {
  const user = await getSessionUser();
  return runActionAs({ user, ip: user ? await clientIp() : null }, formData, opts);
}

/**
 * A public action (no sign-in): the command screens the submission itself. A submission over the
 * size limits is refused here first, before its values are even gathered (issue 9 item 8), and
 * only the fields within them are echoed back.
 */
export async function runPublicAction<R extends ActionState | void>(formData: FormData, opts: Options<null, R>): Promise<ActionState> {
  const bounds = checkPublicInput(formData);
  if (!bounds.ok) return tooLarge(formData, bounds.oversized, opts.echo);
  const values = formValues(formData);
  return perform(values, { user: null, ip: await clientIp() }, opts, openSubmission(formData, null));
}

/** The refusal of an oversized public submission: one message; the fields within the limits echoed back. */
function tooLarge(formData: FormData, oversized: string[], echo = true): ActionState {
  const state: ActionState = { status: "error", message: INPUT_TOO_LARGE_MESSAGE };
  if (!echo) return state;
  const kept = new FormData();
  for (const [k, v] of formData.entries()) if (typeof v === "string" && k !== HONEYPOT_FIELD && !oversized.includes(k)) kept.append(k, v);
  return checkPublicInput(kept).ok ? { ...state, values: formValues(kept) } : state;
}

