"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { allocateAction } from "../actions";

export type MediatorChoice = { id: string; label: string; hint: string; disabled: boolean };

/** Radios of mediators; a conflicted (or already allocated) mediator is shown but cannot be chosen. */
export function AllocateForm({ caseId, version, mediators, button, title }: { caseId: string; version: number; mediators: MediatorChoice[]; button: string; title: string }) {
  const [state, action, pending] = useActionState(allocateAction, IDLE_STATE);
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  const disabled = new Set(mediators.filter((m) => m.disabled).map((m) => m.id));
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? {}) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={state.values?.version ?? String(version)} />
      <Radios
        name="mediatorId"
        legend="Choose a mediator"
        hint="Open cases and the next working days with no meeting booked are shown for each mediator."
        error={errors?.mediatorId}
        options={mediators.map((m) => ({ value: m.id, label: m.label, hint: m.hint }))}
        defaultValue={state.values?.mediatorId}
        inputProps={(value) => ({ disabled: disabled.has(value) })}
      />
      <button type="submit" className="button" disabled={pending}>
        {button}
      </button>
    </form>
  );
}
