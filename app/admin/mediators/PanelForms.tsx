"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkboxes, DateInput, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { MAX_CONFLICT_REASON } from "@/lib/admin/reference/mediator-panel-limits";
import { ACCREDITATION_WARNING_DAYS } from "@/lib/admin/reference/accreditation";
import { addMediatorConflictAction, removeMediatorConflictAction, updateMediatorPanelAction } from "./actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

/** A mediator's panel details (issue 13). A plain post: works without JavaScript. */
export function PanelForm({ mediatorId, initial, areaOptions, title }: { mediatorId: string; initial: Record<string, string>; areaOptions: { id: string; name: string }[]; title: string }) {
  const [state, action, pending] = useActionState(updateMediatorPanelAction, IDLE_STATE);
  const v = state.values ?? initial;
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <input type="hidden" name="mediatorId" value={mediatorId} />
      <input type="hidden" name="expectedVersion" value={initial.expectedVersion} />
      <TextField name="accreditationBody" label="Accrediting body (optional)" hint="For example the College of Mediators or the Civil Mediation Council." defaultValue={v.accreditationBody} error={e?.accreditationBody} autoComplete="off" />
      <TextField name="accreditationNumber" label="Accreditation number (optional)" defaultValue={v.accreditationNumber} error={e?.accreditationNumber} autoComplete="off" spellCheck={false} />
      <DateInput
        name="accreditationExpiresOn"
        legend="Accreditation expiry date (optional)"
        hint={`The last day the accreditation is valid. A mediator whose accreditation has expired cannot be allocated a case; one expiring within ${ACCREDITATION_WARNING_DAYS} days is flagged.`}
        example="31 3 2027"
        values={v}
        error={e?.accreditationExpiresOn}
      />
      <TextField
        name="monthlyCapacity"
        label="Cases a month (optional)"
        hint="How many cases they can be allocated in a calendar month. Allocation shows when they reach it."
        inputMode="numeric"
        defaultValue={v.monthlyCapacity}
        error={e?.monthlyCapacity}
        autoComplete="off"
      />
      {areaOptions.length > 0 && (
        <Checkboxes
          name="areas"
          legend="Areas they cover (optional)"
          hint="The local authorities they take cases for. Allocation says when a case is outside them."
          options={areaOptions.map((la) => ({ value: la.id, label: la.name }))}
          defaultValues={(v.areas ?? "").split(",").filter(Boolean)}
          error={e?.areas}
        />
      )}
      <button type="submit" className="button" disabled={pending}>
        Save panel details
      </button>
    </form>
  );
}

/** Record a conflict of interest: with a local authority, or a person or organisation. */
export function ConflictForm({ mediatorId, localAuthorities, submissionKey }: { mediatorId: string; localAuthorities: { id: string; name: string }[]; submissionKey?: string }) {
  const [state, action, pending] = useActionState(addMediatorConflictAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <input type="hidden" name="mediatorId" value={mediatorId} />
      <SelectField
        name="localAuthorityId"
        label="Local authority"
        hint="Choose one if the conflict is with a local authority, or leave it and give a person or organisation below."
        defaultValue={v.localAuthorityId ?? ""}
        error={e?.localAuthorityId}
        options={[{ value: "", label: "None" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
      />
      <TextField name="partyName" label="Person or organisation (optional)" hint="Matched against the names of a case's parties and their organisations." defaultValue={v.partyName} error={e?.partyName} autoComplete="off" />
      <TextField name="partyEmail" label="Their email address (optional)" type="email" defaultValue={v.partyEmail} error={e?.partyEmail} autoComplete="off" spellCheck={false} />
      <TextArea name="reason" label="Reason" hint={`For example “Worked for this council until 2024”. At most ${MAX_CONFLICT_REASON} characters.`} rows={2} defaultValue={v.reason} error={e?.reason} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Add conflict of interest
      </button>
    </form>
  );
}

/** Remove one conflict of interest (recorded by mistake, or no longer true). */
export function RemoveConflictButton({ mediatorId, conflictId, label }: { mediatorId: string; conflictId: string; label: string }) {
  const [state, action, pending] = useActionState(removeMediatorConflictAction, IDLE_STATE);
  return (
    <form action={action}>
      <input type="hidden" name="mediatorId" value={mediatorId} />
      <input type="hidden" name="conflictId" value={conflictId} />
      {state.status === "error" && <span className="error-message">{state.message}</span>}
      <button type="submit" className="button button--secondary mb-0" disabled={pending}>
        Remove<span className="visually-hidden"> the conflict with {label}</span>
      </button>
    </form>
  );
}
