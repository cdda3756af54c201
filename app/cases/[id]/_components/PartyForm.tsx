"use client";
import { useActionState, useState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { CONTACT_METHOD_OPTIONS, PARTY_KIND_LABELS, PARTY_KIND_VALUES, PARTY_KINDS_WITH_AUTHORITY, type PartyKindValue } from "@/lib/cases/options";
import { addPartyAction, updatePartyAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

type Values = Record<string, string>;

/** Add a party (`partyId` absent, kind chosen here) or change one (kind fixed). */
export function PartyForm({ caseId, version, partyId, kind, initial, title, submissionKey }: { caseId: string; version: number; partyId?: string; kind?: string; initial: Values; title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(partyId ? updatePartyAction : addPartyAction, IDLE_STATE);
  const v: Values = state.values ?? initial;
  const [chosenKind, setChosenKind] = useState<string | undefined>(kind ?? v.kind);
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  // LA and ICB representatives must have authority to resolve the issues.
  const askAuthority = PARTY_KINDS_WITH_AUTHORITY.includes(chosenKind as PartyKindValue);
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={v.version ?? String(version)} />
      {partyId && <input type="hidden" name="partyId" value={partyId} />}
      {!partyId && (
        <Radios
          name="kind"
          legend="Who are they?"
          error={errors?.kind}
          options={PARTY_KIND_VALUES.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }))}
          defaultValue={v.kind}
          inputProps={(value) => ({ onChange: () => setChosenKind(value) })}
        />
      )}
      <TextField name="name" label="Full name" autoComplete="off" defaultValue={v.name} error={errors?.name} />
      <TextField name="organisation" label="Organisation (optional)" hint="For example the council, the integrated care board or the school." defaultValue={v.organisation} error={errors?.organisation} />
      <TextField name="email" type="email" label="Email address (optional)" autoComplete="off" spellCheck={false} defaultValue={v.email} error={errors?.email} />
      <TextField name="phone" type="tel" label="Phone number (optional)" autoComplete="off" defaultValue={v.phone} error={errors?.phone} />
      <TextArea name="address" label="Postal address (optional)" rows={3} defaultValue={v.address} error={errors?.address} />
      <Radios name="preferredContact" legend="How do they prefer to be contacted?" options={CONTACT_METHOD_OPTIONS} defaultValue={v.preferredContact ?? "EMAIL"} error={errors?.preferredContact} />
      <TextArea
        name="accessNeeds"
        label="Access needs (optional)"
        hint="For example a step-free room, a hearing loop, an interpreter, breaks or documents in large print."
        defaultValue={v.accessNeeds}
        error={errors?.accessNeeds}
      />
      {askAuthority && (
        <Radios
          name="hasAuthority"
          legend="Do they have authority to resolve the issues?"
          hint="Local authority and health body representatives at the mediation must be able to agree a resolution (R-24)."
          options={[
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "", label: "Not known yet" },
          ]}
          defaultValue={v.hasAuthority ?? ""}
          error={errors?.hasAuthority}
        />
      )}
      <button type="submit" className="button" disabled={pending}>
        {partyId ? "Save changes" : "Add party"}
      </button>
    </form>
  );
}
