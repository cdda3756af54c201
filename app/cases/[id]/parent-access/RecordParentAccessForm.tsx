"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { recordParentAccessAction } from "./actions";

const OPTIONS = [
  { value: "yes", label: "Yes, their parent or carer can see the case" },
  { value: "no", label: "No, only the young person can see it" },
] as const;

/** the young person's answer as they told a caseworker, and how they told us. */
export function RecordParentAccessForm({ caseId, given, title }: { caseId: string; given: boolean; title: string }) {
  const [state, action, pending] = useActionState(recordParentAccessAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={state.status + JSON.stringify(v)}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios name="canSee" legend="What did the young person tell us?" options={OPTIONS} defaultValue={v.canSee ?? (given ? "yes" : "no")} error={errors?.canSee} />
      <TextField name="how" label="How they told us" hint="For example by phone, in a letter or in person." autoComplete="off" defaultValue={v.how ?? ""} error={errors?.how} />
      <button type="submit" className="button" disabled={pending}>
        Save their answer
      </button>
    </form>
  );
}
