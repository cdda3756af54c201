"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { staffSignInAction } from "./actions";

/**
 * Posts to a server action: it works before the page's script has loaded, and without JavaScript.
 * `next` is where a signed-out visitor was going (checked again on the server).
 */
export function StaffSignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(staffSignInAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
