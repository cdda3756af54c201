"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, Radios, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { decideErasureRequestAction, recordErasureRequestAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

/** Record a request to erase a person's data. A plain post: works without JavaScript. */
export function RecordErasureForm({ title, submissionKey }: { title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(recordErasureRequestAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} title={title} />
      <TextField name="subjectName" label="Name of the person asking" defaultValue={v.subjectName} error={e?.subjectName} autoComplete="off" />
      <TextField name="subjectEmail" label="Their email address" hint="Their records are found by this address: their account, and every case where it is recorded." type="email" defaultValue={v.subjectEmail} error={e?.subjectEmail} autoComplete="off" spellCheck={false} />
      <TextArea name="scope" label="What they asked to be erased" rows={3} defaultValue={v.scope} error={e?.scope} />
      <TextArea name="reason" label="The reason they gave" rows={3} defaultValue={v.reason} error={e?.reason} />
      <DateInput name="receivedOn" legend="Date the request was received" hint="The month for answering starts on this day." values={v} error={e?.receivedOn} />
      <button type="submit" className="button" disabled={pending}>
        Record the request
      </button>
    </form>
  );
}

/** Approve or refuse a request (a second admin), with the reason. */
export function DecideErasureForm({ id, version }: { id: string; version: number }) {
  const [state, action, pending] = useActionState(decideErasureRequestAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="decision"
        legend="Your decision"
        defaultValue={v.decision}
        error={e?.decision}
        options={[
          { value: "approve", label: "Approve: anonymise their data", hint: "This cannot be undone." },
          { value: "refuse", label: "Refuse", hint: "For example, the records must be kept for a legal reason." },
        ]}
      />
      <TextArea name="decisionReason" label="Reason for the decision" hint="It is kept with the request and told to the person." rows={3} defaultValue={v.decisionReason} error={e?.decisionReason} />
      <button type="submit" className="button button--warning" disabled={pending}>
        Save the decision
      </button>
    </form>
  );
}
