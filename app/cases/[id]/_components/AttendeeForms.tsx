"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { ATTENDEE_RESPONSES, RESPONSE_LABELS } from "@/lib/meetings/wording";
import { addAttendeeAction, recordAttendeeResponseAction, removeAttendeeAction } from "../meeting/actions";

/**
 * The meeting page's attendee forms (issue 10, R-24). Plain posts: each works without JavaScript.
 */

/** Invite one more of the case's parties to the booked meeting. */
export function AddAttendeeForm({ caseId, meetingId, parties }: { caseId: string; meetingId: string; parties: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addAttendeeAction, IDLE_STATE);
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? {}) + state.status} aria-label="Invite someone else">
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <SelectField
        name="partyId"
        label="Invite someone else from the case"
        hint="They are sent the invitation by email. A school or setting comes only if everyone agrees (R-24)."
        options={[{ value: "", label: "Choose who to invite" }, ...parties.map((p) => ({ value: p.id, label: p.label }))]}
        defaultValue={state.values?.partyId ?? ""}
        error={errors?.partyId}
      />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Invite
      </button>
    </form>
  );
}

/** Record an attendee's answer and what they need (and, for an LA or ICB representative, their authority, R-24). */
export function AttendeeResponseForm({
  caseId,
  attendeeId,
  name,
  withAuthority,
  initial,
  title,
}: {
  caseId: string;
  attendeeId: string;
  name: string;
  withAuthority: boolean;
  initial: Record<string, string>;
  title: string;
}) {
  const [state, action, pending] = useActionState(recordAttendeeResponseAction, IDLE_STATE);
  const v = state.values ?? initial;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="attendeeId" value={attendeeId} />
      <Radios
        name="response"
        legend={`Is ${name} coming?`}
        options={ATTENDEE_RESPONSES.map((r) => ({ value: r, label: RESPONSE_LABELS[r] }))}
        defaultValue={v.response}
        error={errors?.response}
      />
      <TextField
        name="interpreterLanguage"
        label="Interpreter needed for (optional)"
        hint="The language, for example Polish or British Sign Language."
        defaultValue={v.interpreterLanguage}
        error={errors?.interpreterLanguage}
      />
      <TextArea
        name="adjustments"
        label="Adjustments they need (optional)"
        hint="For example breaks, a quiet room, papers in large print. Staff only: this is never put in anyone's invitation."
        rows={3}
        defaultValue={v.adjustments}
        error={errors?.adjustments}
      />
      <TextField
        name="supporterName"
        label="Supporter they are bringing (optional)"
        hint="The name of a friend, relative or advocate coming with them."
        defaultValue={v.supporterName}
        error={errors?.supporterName}
      />
      {withAuthority && (
        <Radios
          name="hasAuthority"
          legend="Do they have authority to resolve the issues?"
          hint="Local authority and health body representatives at the meeting must be able to agree a resolution (R-24)."
          options={[
            { value: "yes", label: "Yes, confirmed" },
            { value: "no", label: "No" },
            { value: "", label: "Not known yet" },
          ]}
          defaultValue={v.hasAuthority ?? ""}
          error={errors?.hasAuthority}
        />
      )}
      <button type="submit" className="button" disabled={pending}>
        Save
      </button>
    </form>
  );
}

/** Take the attendee off the list (they are sent a cancellation if they had the invitation). */
export function RemoveAttendeeForm({ caseId, attendeeId, name }: { caseId: string; attendeeId: string; name: string }) {
  const [state, action, pending] = useActionState(removeAttendeeAction, IDLE_STATE);
  return (
    <form action={action} aria-label={`Stop inviting ${name}`}>
      {state.message && (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      )}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="attendeeId" value={attendeeId} />
      <button type="submit" className="button button--warning" disabled={pending}>
        Stop inviting {name}
      </button>
    </form>
  );
}
