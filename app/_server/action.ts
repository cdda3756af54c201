/**
 * The one chain every server action follows, signed-in or public:
 *   form values → (signed in: session → permission, else 404) → the lib command → a state.
 * Validation is the lib command's (it throws DomainError with a message per field), so an action
 * only names the command. Public commands run their own first steps (honeypot, then the answers,
 * then the per-address rate limit: lib/platform/security/public-form.ts); the chain never echoes
 * the honeypot back. Submitted values are returned so React 19's form reset never loses what was
 * typed. Errors never leak a stack trace: unknown errors are logged and shown as a generic message.
 */
import "server-only";
import { notFound, redirect } from "next/navigation";
import { can, type Permission } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { withJoinedDates } from "@/lib/platform/dates/date-input";
import { DomainError } from "@/lib/platform/errors";
import { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";
import { checkPublicInput, INPUT_TOO_LARGE_MESSAGE } from "@/lib/platform/security/input-bounds";
import { mustEnrolSecondFactor, SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";
import { clientIp, getSessionUser } from "./auth";

export type ActionState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  data?: Record<string, unknown>;
};

/**
 * The form's values as strings (a repeated name joined by commas); Next's own fields left out. A
 * date typed in day, month and year boxes (`x-day`, `x-month`, `x-year`) is also given as `x`: its
 * ISO date, "" when all three boxes are empty, or the boxes as typed, which the command's date rule
 * refuses with a message saying why (lib/platform/dates/date-input.ts), so nothing is saved.
 */
export function formValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = k in out ? `${out[k]},${v}` : v;
  return withJoinedDates(out);
}

export type ActionContext<U> = { user: U; ip: string | null };

type Options<U, R> = {
  /** Echo the submitted values back (default true; off for forms that keep their own state). */
  echo?: boolean;
  /** The lib command. Return a state (e.g. a confirmation step), nothing, or redirect(). */
  run: (values: Record<string, string>, ctx: ActionContext<U>) => Promise<R>;
};

/**
 * A signed-in action: signed out → sign-in page; lacking `permission` → 404 (never 403); an admin
 * without the second sign-in step → its set-up page (issue 13), unless the action is that set-up.
 */
export async function runAction<R extends ActionState | void>(formData: FormData, opts: Options<SessionUser, R> & { permission: Permission; allowWithoutSecondFactor?: boolean }): Promise<ActionState> {
  const values = formValues(formData);
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!can(user, opts.permission)) notFound();
  if (!opts.allowWithoutSecondFactor && mustEnrolSecondFactor(user)) redirect(SECOND_FACTOR_PATH);
  return perform(values, { user, ip: await clientIp() }, opts);
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
  return perform(values, { user: null, ip: await clientIp() }, opts);
}

/** The refusal of an oversized public submission: one message; the fields within the limits echoed back. */
function tooLarge(formData: FormData, oversized: string[], echo = true): ActionState {
  const state: ActionState = { status: "error", message: INPUT_TOO_LARGE_MESSAGE };
  if (!echo) return state;
  const kept = new FormData();
  for (const [k, v] of formData.entries()) if (typeof v === "string" && k !== HONEYPOT_FIELD && !oversized.includes(k)) kept.append(k, v);
  return checkPublicInput(kept).ok ? { ...state, values: formValues(kept) } : state;
}

async function perform<U, R extends ActionState | void>(values: Record<string, string>, ctx: ActionContext<U>, opts: Options<U, R>): Promise<ActionState> {
  const echo = { ...values };
  delete echo[HONEYPOT_FIELD];
  let state: ActionState;
  try {
    const r = await opts.run(values, ctx);
    state = { status: "success", values: echo, ...(r ?? {}) };
  } catch (e) {
    state = actionError(e, echo);
  }
  if (opts.echo === false) delete state.values;
  // Field errors speak for themselves; the message is for a refusal with none (a conflict, a limit).
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) delete state.message;
  return state;
}

function actionError(e: unknown, values: Record<string, string>): ActionState {
  if (e instanceof NotFoundError) notFound();
  if (e instanceof ForbiddenError) return { status: "error", message: e.message, values };
  if (e instanceof DomainError) return { status: "error", message: e.message, fieldErrors: e.fieldErrors, values, data: e.data };
  // Let Next's own control-flow errors (redirect, notFound) through.
  if (e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && /^NEXT_/.test((e as { digest: string }).digest)) throw e;
  console.error("[action] unexpected error", e);
  return { status: "error", message: "Sorry, something went wrong and nothing was saved. Try again.", values };
}
