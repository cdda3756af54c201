"use client";
/** The agreement's forms (issue 11): server-rendered, posted without JavaScript, errors in a summary. */
import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkbox } from "@/components/Checkbox";
import { DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { AGREED_ACTION_KINDS, AGREED_ACTION_KIND_LABELS, RESPONSIBLE_LABELS, RESPONSIBLE_PARTIES } from "@/lib/agreements/action-kind-labels";
import {
  removeActionAction,
  requestSignaturesAction,
  saveActionAction,
  sendLinkAction,
  signInPersonAction,
  startAgreementAction,
  startCorrectionAction,
  updateAgreementAction,
} from "./actions";
import type { ActionState } from "../../../_server/action";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

/** A form of one button (start, ask for signatures, send a link, correct, remove). */
export function ButtonForm({ kind, fields, label, secondary }: { kind: "start" | "request" | "link" | "correct" | "remove"; fields: Record<string, string>; label: ReactNode; secondary?: boolean }) {
  const actions: Record<typeof kind, Action> = { start: startAgreementAction, request: requestSignaturesAction, link: sendLinkAction, correct: startCorrectionAction, remove: removeActionAction };
  const [state, action, pending] = useActionState(actions[kind], IDLE_STATE);
  const errors = state.fieldErrors;
  return (
    <form action={action} className="inline-block mr-4">
      {state.status === "error" && (
        <p className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {state.message ?? Object.values(errors ?? {})[0]}
        </p>
      )}
      <Hidden fields={fields} />
      <button type="submit" className={`button${secondary ? " button--secondary" : ""}`} disabled={pending}>
        {label}
      </button>
    </form>
  );
}

export function AgreementTextForm({ fields, initial, partial }: { fields: Record<string, string>; initial: Record<string, string>; partial: boolean }) {
  const [state, action, pending] = useActionState(updateAgreementAction, IDLE_STATE);
  const v = { ...initial, ...(state.values ?? {}) };
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? {}) + state.status}>
      <ErrorSummary errors={errors} message={errors ? undefined : state.message} />
      <Hidden fields={fields} />
      <DateInput name="agreedOn" legend="Date of the agreement" hint="Due dates are counted from this date." example="27 3 2027" values={v} error={errors?.agreedOn} />
      <TextArea name="whatWasAgreed" label="What was agreed" rows={6} defaultValue={v.whatWasAgreed ?? ""} error={errors?.whatWasAgreed} />
      <TextArea name="whatWasNotAgreed" label={partial ? "What was not agreed" : "What was not agreed (if anything)"} rows={4} defaultValue={v.whatWasNotAgreed ?? ""} error={errors?.whatWasNotAgreed} />
      <button type="submit" className="button" disabled={pending}>
        Save the text
      </button>
    </form>
  );
}

const KIND_OPTIONS = AGREED_ACTION_KINDS.map((value) => ({ value, label: AGREED_ACTION_KIND_LABELS[value] }));
const WHO_OPTIONS = RESPONSIBLE_PARTIES.map((value) => ({ value, label: RESPONSIBLE_LABELS[value] }));

export function AgreementActionForm({ fields, initial }: { fields: Record<string, string>; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(saveActionAction, IDLE_STATE);
  const v = { ...initial, ...(state.values ?? {}) };
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? {}) + state.status}>
      <ErrorSummary errors={errors} message={errors ? undefined : state.message} />
      <Hidden fields={fields} />
      <TextArea name="what" label="What will happen" rows={3} defaultValue={v.what ?? ""} error={errors?.what} />
      <Radios name="responsible" legend="Who is responsible" options={WHO_OPTIONS} defaultValue={v.responsible} error={errors?.responsible} />
      <SelectField name="kind" label="What kind of action is it" hint="The due date is worked out from the date of the agreement." options={[{ value: "", label: "Choose a kind" }, ...KIND_OPTIONS]} defaultValue={v.kind ?? ""} error={errors?.kind} />
      <DateInput name="otherDueOn" legend="Only for 'Other': the date the parties agreed" example="27 3 2027" values={v} error={errors?.otherDueOn} />
      <TextArea name="howChecked" label="How the parties will know it has been done" rows={2} defaultValue={v.howChecked ?? ""} error={errors?.howChecked} />
      <h2 className="h-m">A different due date (R-44)</h2>
      <p className="body">Only if the parties agreed a different timescale in writing. Leave these empty otherwise.</p>
      <DateInput name="overrideDueOn" legend="New due date" example="27 3 2027" values={v} error={errors?.overrideDueOn} />
      <TextField name="overrideAgreedBy" label="Who agreed it in writing" defaultValue={v.overrideAgreedBy ?? ""} error={errors?.overrideAgreedBy} />
      <DateInput name="overrideAgreedOn" legend="When they agreed it in writing" example="27 3 2027" values={v} error={errors?.overrideAgreedOn} />
      <button type="submit" className="button" disabled={pending}>
        Save the action
      </button>
    </form>
  );
}

export function SignInPersonForm({ fields, name, statement }: { fields: Record<string, string>; name: string; statement: string }) {
  const [state, action, pending] = useActionState(signInPersonAction, IDLE_STATE);
  const v = state.values ?? {};
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status}>
      <ErrorSummary errors={errors} message={errors ? undefined : state.message} />
      <Hidden fields={fields} />
      <Radios
        name="outcome"
        legend={`${name}: do you sign this record?`}
        options={[
          { value: "SIGNED", label: "Yes, I sign it" },
          { value: "DECLINED", label: "No, I do not want to sign it" },
        ]}
        defaultValue={v.outcome}
        error={errors?.outcome}
      />
      <Checkbox name="confirmed" label={statement} error={errors?.confirmed} defaultChecked={v.confirmed === "yes"} />
      <TextField name="typedName" label="To sign, type your full name" autoComplete="off" defaultValue={v.typedName ?? ""} error={errors?.typedName} />
      <TextArea name="reason" label="If you do not sign: why" rows={3} defaultValue={v.reason ?? ""} error={errors?.reason} />
      <button type="submit" className="button" disabled={pending}>
        Continue
      </button>
    </form>
  );
}
