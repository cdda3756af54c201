/**
 * The one chain every server action follows, signed-in or public:
 *   form values → (signed in: session → permission, else 404) → the lib command → a state.
 * Validation is the lib command's (it throws DomainError with a message per field), so an action
 * only names the command. Public commands run their own first steps (honeypot, then the answers,
 * then the per-address rate limit: lib/platform/security/public-form.ts); the chain never echoes
 * the honeypot back. Submitted values are returned so React 19's form reset never loses what was
 * typed. Errors never leak a stack trace: unknown errors are logged and shown as a generic message.
 * A create form's post carrying a submission key (components/SubmissionKeyField.tsx) is done once:
 * a double click or a retry is answered with the first one's outcome (decision 0035).
 * This module reads no request itself (no next/headers), so the family's Pages Router pages use
 * the same chain (decision 0038); ./action.ts is its App Router side.
 */
import "server-only";
import { notFound, redirect, RedirectType } from "next/navigation";
import { can, type Permission } from "@/lib/auth/policy";
import { ForbiddenError, NotFoundError, type SessionUser } from "@/lib/auth/types";
import { withJoinedDates } from "@/lib/platform/dates/date-input";
import { DomainError } from "@/lib/platform/errors";
import { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";
import { SUBMISSION_KEY_FIELD } from "@/lib/platform/idempotency/field";
import { checkPublicInput, INPUT_TOO_LARGE_MESSAGE } from "@/lib/platform/security/input-bounds";
import { AlreadySubmittedError, openSubmission, priorSubmission, recordSubmissionOutcome, runInSubmission, type Submission } from "@/lib/platform/idempotency/submission";
import { mustEnrolSecondFactor, SECOND_FACTOR_PATH } from "@/lib/auth/totp/totp";

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
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !k.startsWith("$ACTION") && k !== SUBMISSION_KEY_FIELD) out[k] = k in out ? `${out[k]},${v}` : v;
  return withJoinedDates(out);
}

export type ActionContext<U> = { user: U; ip: string | null };

export type Options<U, R> = {
  /** Echo the submitted values back (default true; off for forms that keep their own state). */
  echo?: boolean;
  /** The lib command. Return a state (e.g. a confirmation step), nothing, or redirect(). */
  run: (values: Record<string, string>, ctx: ActionContext<U>) => Promise<R>;
};

/** Who is posting: the signed-in user (or null) and their address, however the router found them. */
export type Caller = {
  user: SessionUser | null;
  ip: string | null;
  /** Runs work after the answer is sent (afterAnswer); absent: the work is done before answering. */
  defer?: (work: () => Promise<void>) => void;
};

/**
 * A signed-in action: signed out → sign-in page; lacking `permission` → 404 (never 403); an admin
 * without the second sign-in step → its set-up page (issue 13), unless the action is that set-up.
 * The caller is given: a server action's from next/headers (runAction, ./action.ts), a Pages Router
 * page's from its request (app/_server/pages.ts, decision 0038).
 */
export async function runActionAs<R extends ActionState | void>(caller: Caller, formData: FormData, opts: Options<SessionUser, R> & { permission: Permission; allowWithoutSecondFactor?: boolean }): Promise<ActionState> {
  const values = formValues(formData);
  const user = caller.user;
  if (!user) redirect("/sign-in");
  if (!can(user, opts.permission)) notFound();
  if (!opts.allowWithoutSecondFactor && mustEnrolSecondFactor(user)) redirect(SECOND_FACTOR_PATH);
  return perform(values, { user, ip: caller.ip }, opts, openSubmission(formData, user.id));
}

/**
 * A public action (no sign-in): the command screens the submission itself. A submission over the
 * size limits is refused here first, before its values are even gathered (issue 9 item 8), and
 * only the fields within them are echoed back. The caller's address is given as for runActionAs.
 */
export async function runPublicActionAs<R extends ActionState | void>(caller: Caller, formData: FormData, opts: Options<null, R>): Promise<ActionState> {
  const bounds = checkPublicInput(formData);
  if (!bounds.ok) return tooLarge(formData, bounds.oversized, opts.echo);
  const values = formValues(formData);
  return perform(values, { user: null, ip: caller.ip }, opts, openSubmission(formData, null));
}

/** The refusal of an oversized public submission: one message; the fields within the limits echoed back. */
function tooLarge(formData: FormData, oversized: string[], echo = true): ActionState {
  const state: ActionState = { status: "error", message: INPUT_TOO_LARGE_MESSAGE };
  if (!echo) return state;
  const kept = new FormData();
  for (const [k, v] of formData.entries()) if (typeof v === "string" && k !== HONEYPOT_FIELD && !oversized.includes(k)) kept.append(k, v);
  return checkPublicInput(kept).ok ? { ...state, values: formValues(kept) } : state;
}

/**
 * Work left for after the answer (e.g. sending an email), so the answer takes the same time
 * whatever that work finds: handed to the caller's `defer` (a Pages Router page's: run unawaited,
 * the Node server finishing it after the answer is sent — Next's `after` is App Router only),
 * else done before answering. The work must catch its own errors.
 */
export async function afterAnswer(caller: Caller, work: () => Promise<void>): Promise<void> {
  if (caller.defer) caller.defer(work);
  else await work();
}

export async function perform<U, R extends ActionState | void>(values: Record<string, string>, ctx: ActionContext<U>, opts: Options<U, R>, submission: Submission | null): Promise<ActionState> {
  const echo = { ...values };
  delete echo[HONEYPOT_FIELD];
  let state: ActionState;
  const prior = submission ? await priorSubmission(submission) : null;
  if (prior) {
    state = replay(prior.outcome, echo);
  } else {
    try {
      const r = await (submission ? runInSubmission(submission, () => opts.run(values, ctx)) : opts.run(values, ctx));
      state = { status: "success", values: echo, ...(r ?? {}) };
    } catch (e) {
      state = await submissionError(e, submission, echo);
    }
    if (submission?.claimed) await recordSubmissionOutcome(submission, { state: outcomeOf(state) });
  }
  if (opts.echo === false) delete state.values;
  // Field errors speak for themselves; the message is for a refusal with none (a conflict, a limit).
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) delete state.message;
  return state;
}

/** Shown when the same form was sent twice and the first has not finished (or failed after saving). */
export const ALREADY_SUBMITTED_MESSAGE = "This form was already sent and is still being dealt with. Refresh the page in a moment to see the result.";

type Outcome = { redirect: { url: string; type: string } } | { state: ActionState };

/** The state to keep as the first submission's answer: not the values typed (the next post brings its own). */
function outcomeOf(state: ActionState): ActionState {
  const kept = { ...state };
  delete kept.values;
  return kept;
}

/** A later submission with the key: the first one's answer again, creating nothing. */
function replay(outcome: unknown, echo: Record<string, string>): ActionState {
  const o = outcome as Outcome | null;
  if (o && "redirect" in o) redirect(o.redirect.url, o.redirect.type === "push" ? RedirectType.push : RedirectType.replace);
  if (o && "state" in o) return { ...o.state, values: echo };
  return { status: "error", message: ALREADY_SUBMITTED_MESSAGE, values: echo };
}

/**
 * The command threw. A redirect after a claimed change is the first submission's answer: recorded,
 * then let through. A submission that lost the race (its claim found the key taken, or it ran into
 * the first one's change, e.g. a version conflict) is answered as the first.
 */
async function submissionError(e: unknown, submission: Submission | null, echo: Record<string, string>): Promise<ActionState> {
  if (submission?.claimed) {
    const target = redirectTarget(e);
    if (target) await recordSubmissionOutcome(submission, { redirect: target });
  } else if (submission && !isNextControlFlow(e)) {
    const prior = await priorSubmission(submission);
    if (prior) return replay(prior.outcome, echo);
  }
  if (e instanceof AlreadySubmittedError) return replay(null, echo);
  return actionError(e, echo);
}

function isNextControlFlow(e: unknown): e is { digest: string } {
  return !!e && typeof e === "object" && "digest" in e && typeof (e as { digest: unknown }).digest === "string" && /^NEXT_/.test((e as { digest: string }).digest);
}

/** Where Next's redirect() was sending the user (its digest: `NEXT_REDIRECT;type;url;status;`). */
function redirectTarget(e: unknown): { url: string; type: string } | null {
  if (!isNextControlFlow(e) || !e.digest.startsWith("NEXT_REDIRECT;")) return null;
  const parts = e.digest.split(";");
  return { type: parts[1] ?? "replace", url: parts.slice(2, -2).join(";") };
}

function actionError(e: unknown, values: Record<string, string>): ActionState {
  if (e instanceof NotFoundError) notFound();
  if (e instanceof ForbiddenError) return { status: "error", message: e.message, values };
  if (e instanceof DomainError) return { status: "error", message: e.message, fieldErrors: e.fieldErrors, values, data: e.data };
  // Let Next's own control-flow errors (redirect, notFound) through.
  if (isNextControlFlow(e)) throw e;
  console.error("[action] unexpected error", e);
  return { status: "error", message: "Sorry, something went wrong and nothing was saved. Try again.", values };
}
