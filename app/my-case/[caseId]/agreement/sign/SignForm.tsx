"use client";
/** Sign or do not sign, while signed in (issue 12): works without JavaScript. */
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkbox } from "@/components/Checkbox";
import { Radios, TextArea } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { signAsFamilyUserAction } from "./actions";

export function SignForm({ caseId, agreementId, contentSha256, statement, title }: { caseId: string; agreementId: string; contentSha256: string; statement: string; title: string }) {
  const [state, action, pending] = useActionState(signAsFamilyUserAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={errors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="agreementId" value={agreementId} />
      <input type="hidden" name="contentSha256" value={contentSha256} />
      <Radios
        name="outcome"
        legend="Do you want to sign it?"
        options={[
          { value: "SIGNED", label: "Yes, I sign it" },
          { value: "DECLINED", label: "No, I do not want to sign it" },
        ]}
        defaultValue={v.outcome}
        error={errors?.outcome}
      />
      <Checkbox name="confirmed" label={statement} hint="Tick this box if you sign it." error={errors?.confirmed} defaultChecked={v.confirmed === "yes"} />
      <TextArea name="reason" label="If you do not sign it, tell us why" rows={3} defaultValue={v.reason ?? ""} error={errors?.reason} />
      <button type="submit" className="button" disabled={pending}>
        Send my answer
      </button>
    </form>
  );
}
