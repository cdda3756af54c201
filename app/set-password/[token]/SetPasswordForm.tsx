"use client";
import { useActionState } from "react";
import Link from "next/link";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { setPasswordAction } from "./actions";

/**
 * The new password, twice. A plain post: works without JavaScript. `rules` is the hint (length,
 * no common passwords) written on the server from the constants. A link that stops working while
 * the form is open (used in another tab, replaced) is said instead of the form.
 */
export function SetPasswordForm({ token, rules, title }: { token: string; rules: string; title: string }) {
  const [state, action, pending] = useActionState(setPasswordAction, IDLE_STATE);
  if (state.data?.linkState)
    return (
      <div role="alert" data-testid="link-dead">
        <h2 className="h-m">You cannot set a password with this link</h2>
        <p className="body">{state.message}</p>
        <p className="body">
          <Link href="/sign-in">Go to the sign-in page</Link>
        </p>
      </div>
    );
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" hint={rules} error={e?.password} />
      <TextField label="Enter the password again" name="confirmPassword" type="password" autoComplete="new-password" error={e?.confirmPassword} />
      <button type="submit" className="button" disabled={pending}>
        Set password
      </button>
    </form>
  );
}
