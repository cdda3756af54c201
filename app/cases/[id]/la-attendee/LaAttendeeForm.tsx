"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { nameLaAttendeeAction } from "./actions";

type Values = Record<string, string>;

/** who will attend for the local authority, and whether they can agree a resolution. */
export function LaAttendeeForm({ caseId, version, partyId, initial, title }: { caseId: string; version: number; partyId?: string; initial: Values; title: string }) {
  const [state, action, pending] = useActionState(nameLaAttendeeAction, IDLE_STATE);
  const v: Values = state.values ?? initial;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={String(version)} />
      {partyId && <input type="hidden" name="partyId" value={partyId} />}
      <TextField name="name" label="Full name" autoComplete="off" defaultValue={v.name} error={errors?.name} />
      <TextField name="organisation" label="Job title or team (optional)" hint="For example SEND team manager." defaultValue={v.organisation} error={errors?.organisation} />
      <TextField
        name="email"
        type="email"
        label="Email address (optional)"
        hint="If the meeting is booked, the invitation is sent here."
        autoComplete="off"
        spellCheck={false}
        defaultValue={v.email}
        error={errors?.email}
      />
      <Radios
        name="hasAuthority"
        legend="Do they have authority to resolve the issues?"
        hint="The local authority’s representative at the mediation must be able to agree a resolution of the issues on the day."
        options={[
          { value: "yes", label: "Yes, they can agree a resolution" },
          { value: "no", label: "No" },
        ]}
        defaultValue={v.hasAuthority ?? ""}
        error={errors?.hasAuthority}
      />
      <button type="submit" className="button" disabled={pending}>
        Save
      </button>
    </form>
  );
}
