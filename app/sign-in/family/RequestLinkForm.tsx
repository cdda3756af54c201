"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { requestLinkAction } from "./actions";

export function RequestLinkForm() {
  const [state, action, pending] = useActionState(requestLinkAction, IDLE_STATE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.fieldErrors} message={state.message} />
      <TextField
        label="Email address"
        hint="Use the email address you gave the mediation service."
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Sending…" : "Send me a sign-in link"}
      </button>
    </form>
  );
}
