"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, TextArea } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { IDLE_STATE } from "@/components/action-state";
import { correctCertificateAction } from "../certificates/actions";

/** the reason, the date of issue (the old one's unless it was wrong) and the confirmation. Works without JavaScript. */
export function CorrectCertificateForm({ certificateId, issuedOn, title }: { certificateId: string; issuedOn: string; title: string }) {
  const [state, action, pending] = useActionState(correctCertificateAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="certificateId" value={certificateId} />
      <TextArea
        name="reason"
        label="Reason for the correction"
        hint="It is printed on the new certificate, which the family and the local authority receive. For example: the child’s name was misspelt."
        rows={4}
        defaultValue={v.reason ?? ""}
        error={errors?.reason}
      />
      <DateInput
        name="issuedOn"
        legend="Date of issue"
        hint="Keep the date of the certificate it replaces unless that date was wrong: the last day to appeal is worked out from it."
        values={v}
        {...(v.issuedOn === undefined && v["issuedOn-day"] === undefined ? { defaultValue: issuedOn } : {})}
        error={errors?.issuedOn}
      />
      <Checkbox name="confirmed" label="I understand that the new certificate replaces this one, and that the family and the local authority will be sent it" error={errors?.confirmed} />
      <button type="submit" className="button button--warning" disabled={pending}>
        Issue the corrected certificate
      </button>
    </form>
  );
}
