"use client";
/**
 * The three forms of an agreed action (issue 11), one per page, GOV.UK style; they work without
 * JavaScript (server actions), and the error summary renders the page title ("Error: " first).
 */
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, TextArea, TextField } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { closeObligationAction, markDoneAction, recordProgressAction } from "./actions";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

export type ObligationStep = "progress" | "done" | "close";

const SHARE_HINT = "Leave this unticked for a note only the mediation service and the local authority should read.";

export function ObligationForm({ step, caseId, obligationId, title, submissionKey }: { step: ObligationStep; caseId: string; obligationId: string; title: string; submissionKey?: string }) {
  const [state, action, pending] = useActionState(step === "progress" ? recordProgressAction : step === "done" ? markDoneAction : closeObligationAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="obligationId" value={obligationId} />
      {step === "done" && <DateInput name="completedOn" legend="When was it done?" values={v} error={errors?.completedOn} />}
      {step === "close" ? (
        <TextArea
          name="reason"
          label="Why is this action being closed without being done?"
          hint="For example, the parties agreed in writing that it is no longer needed. The family will see this reason."
          rows={5}
          defaultValue={v.reason ?? ""}
          error={errors?.reason}
        />
      ) : (
        <>
          <TextArea
            name="note"
            label={step === "done" ? "How was it done, and how was that checked?" : "What has happened so far?"}
            rows={5}
            defaultValue={v.note ?? ""}
            error={errors?.note}
          />
          <TextField name="evidence" label="Evidence (optional)" hint="A reference, or a link to a letter or document." defaultValue={v.evidence ?? ""} error={errors?.evidence} />
          <Checkbox name="shareWithFamily" label="The family may see this note" hint={SHARE_HINT} defaultChecked={v.shareWithFamily === "yes"} error={errors?.shareWithFamily} />
        </>
      )}
      <button type="submit" className={`button${step === "close" ? " button--warning" : ""}`} disabled={pending}>
        {step === "progress" ? "Save progress" : step === "done" ? "Mark as done" : "Close this action"}
      </button>
    </form>
  );
}
