"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { placeLegalHoldAction, releaseLegalHoldAction } from "../actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

/** Place a legal hold on a case by its reference, with the reason. A plain post: works without JavaScript. */
export function PlaceLegalHoldForm({ submissionKey }: { submissionKey?: string }) {
  const [state, action, pending] = useActionState(placeLegalHoldAction, IDLE_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} />
      <TextField name="reference" label="Case reference" hint="For example, SM-2026-00042." defaultValue={v.reference} error={e?.reference} autoComplete="off" />
      <TextArea name="reason" label="Why the case must be kept" hint="For example, a complaint to the ombudsman or a claim. Staff only." rows={3} defaultValue={v.reason} error={e?.reason} />
      <button type="submit" className="button" disabled={pending}>
        Place legal hold
      </button>
    </form>
  );
}

/** End the hold on one case (an admin's hold, or an appeal that has ended), with the reason. */
export function ReleaseLegalHoldForm({ caseId, reference }: { caseId: string; reference: string }) {
  const [state, action, pending] = useActionState(releaseLegalHoldAction, IDLE_STATE);
  const e = state.fieldErrors;
  const id = `release-${caseId}`;
  return (
    <form action={action} noValidate key={state.status + (state.message ?? "")}>
      <ErrorSummary errors={e} message={e && Object.keys(e).length > 0 ? undefined : state.message} idPrefix={`${id}-`} />
      <input type="hidden" name="caseId" value={caseId} />
      <TextField id={`${id}-reason`} name="reason" label={`Why the hold on ${reference} can end`} error={e?.reason} autoComplete="off" />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Release hold<span className="visually-hidden"> on {reference}</span>
      </button>
    </form>
  );
}
