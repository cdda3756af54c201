"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, Radios, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { CONSENT_OPTIONS } from "@/lib/cases/options";
import { recordConsentAction } from "../actions";

/** Whether a party agreed to take part, when they told us and how (R-73; for mediation). */
export function ConsentForm({ caseId, version, partyId, name, initial, title }: { caseId: string; version: number; partyId: string; name: string; initial: Record<string, string>; title: string }) {
  const [state, action, pending] = useActionState(recordConsentAction, IDLE_STATE);
  const v = state.values ?? initial;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="version" value={v.version ?? String(version)} />
      <Radios name="consent" legend={`Has ${name} agreed to take part?`} options={CONSENT_OPTIONS} defaultValue={v.consent} error={errors?.consent} />
      <DateInput name="consentOn" legend="Date they told us" hint="Not needed if they have not answered yet." example="3 2 2025" values={v} error={errors?.consentOn} />
      <TextField name="consentHow" label="How they told us" hint="For example by phone, by email or in a letter." autoComplete="off" defaultValue={v.consentHow} error={errors?.consentHow} />
      <button type="submit" className="button" disabled={pending}>
        Save their answer
      </button>
    </form>
  );
}
