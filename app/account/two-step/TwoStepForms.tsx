"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { confirmSecondFactorAction, startSecondFactorAction } from "./actions";

/** Starts (or starts again with a new key) setting up two-step sign-in. Works without JavaScript. */
export function StartForm({ again = false }: { again?: boolean }) {
  const [state, action, pending] = useActionState(startSecondFactorAction, IDLE_STATE);
  return (
    <form action={action}>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} idPrefix="start-" />
      <button type="submit" className={again ? "button button--secondary" : "button"} disabled={pending}>
        {again ? "Start again with a new key" : "Set up two-step sign-in"}
      </button>
    </form>
  );
}

/** The code from the app, which confirms the key and turns two-step sign-in on. */
export function ConfirmForm() {
  const [state, action, pending] = useActionState(confirmSecondFactorAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} />
      <TextField label="Code from the app" name="code" hint="6 digits, like 123456" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} error={state.fieldErrors?.code} />
      <button type="submit" className="button" disabled={pending}>
        Turn on two-step sign-in
      </button>
    </form>
  );
}
