"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkbox } from "@/components/Checkbox";
import { Radios, TextArea } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { HONEYPOT_FIELD } from "@/lib/platform/security/honeypot";
import { signWithTokenAction } from "./actions";

/** Sign or decline by link: works without JavaScript. */
export function SignWithTokenForm({ token, statement }: { token: string; statement: string }) {
  const [state, action, pending] = useActionState(signWithTokenAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={errors ? undefined : state.message} />
      <input type="hidden" name="token" value={token} />
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Leave this empty</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
      </div>
      <Radios
        name="outcome"
        legend="Do you sign this record?"
        options={[
          { value: "SIGNED", label: "Yes, I sign it" },
          { value: "DECLINED", label: "No, I do not want to sign it" },
        ]}
        defaultValue={v.outcome}
        error={errors?.outcome}
      />
      <Checkbox name="confirmed" label={statement} error={errors?.confirmed} defaultChecked={v.confirmed === "yes"} />
      <TextArea name="reason" label="If you do not sign: why" rows={3} defaultValue={v.reason ?? ""} error={errors?.reason} />
      <button type="submit" className="button" disabled={pending}>
        Send my answer
      </button>
    </form>
  );
}
