"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { verifySignInCodeAction } from "./actions";

/** The code from the authenticator app. Posts to a server action: works without JavaScript. */
export function CodeForm() {
  const [state, action, pending] = useActionState(verifySignInCodeAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} title="Enter the code from your app" />
      <TextField
        label="Code"
        name="code"
        hint="The 6-digit code your authenticator app shows for SEND Mediation"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        error={state.fieldErrors?.code}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Checking…" : "Continue"}
      </button>
    </form>
  );
}
