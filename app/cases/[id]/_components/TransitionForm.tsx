"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { PageTitle } from "@/components/PageTitle";
import { DateInput, Radios, TextArea, TextField } from "@/components/fields";
import { SummaryList } from "@/components/SummaryList";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { formatLongDate, isIsoDate } from "@/lib/deadlines/calendar";
import { transitionAction } from "../actions";
import { Checkbox } from "@/components/Checkbox";

export type FormInput = {
  name: string;
  type: "date" | "text" | "id" | "partyId" | "boolean" | "choice";
  label: string;
  hint?: string;
  /** For a "choice": the answers. */
  options?: readonly { value: string; label: string }[];
};

/**
 * One lifecycle transition: its inputs (from the TRANSITIONS table's `requires`/`accepts`) as
 * fields. Destructive transitions show a "check and confirm" step before anything is saved.
 */
export function TransitionForm({
  caseId,
  version,
  name,
  label,
  inputs,
  defaults,
  parties,
  confirm,
  confirmWhenStarting = null,
  title,
}: {
  caseId: string;
  version: number;
  name: string;
  label: string;
  inputs: FormInput[];
  defaults: Record<string, string>;
  parties: { value: string; label: string }[];
  /** Set for destructive transitions: the confirmation step's wording. */
  confirm: { heading: string; warning: string; button: string } | null;
  /** A confirmation step only when the server says this time it starts a deadline. */
  confirmWhenStarting?: { heading: string; warning: string; button: string } | null;
  /** The page's title (the form renders it: components/page-title.ts). */
  title: string;
}) {
  const [state, action, pending] = useActionState(transitionAction, IDLE_STATE);
  const values: Record<string, string> = state.values ?? defaults;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  const confirmText = confirm ?? confirmWhenStarting;
  const confirming = confirmText !== null && state.status === "success" && state.data?.confirm === true;
  const hidden = (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="version" value={values.version ?? String(version)} />
    </>
  );

  if (confirming && confirmText) {
    const starts = (state.data?.starts as string[] | undefined) ?? [];
    const warnings = (state.data?.warnings as string[] | undefined) ?? [];
    const show = (i: FormInput) => {
      const v = values[i.name] ?? "";
      if (i.type === "boolean") return v === "yes" ? "Yes" : "No";
      if (i.type === "partyId") return parties.find((p) => p.value === v)?.label ?? v;
      if (i.type === "choice") return i.options?.find((o) => o.value === v)?.label ?? v;
      if (i.type === "date" && isIsoDate(v)) return formatLongDate(v);
      return v;
    };
    return (
      <form action={action} key="confirm">
        <PageTitle title={title} />
        {hidden}
        <h2 className="h-m">{confirmText.heading}</h2>
        <SummaryList rows={inputs.map((i) => ({ key: i.label, value: show(i) }))} />
        {starts.length > 0 && (
          <p className="body">
            {starts.length === 1 ? "This starts a deadline: " : "This starts deadlines: "}
            {starts.join("; ")}.
          </p>
        )}
        {warnings.map((w) => (
          <p className="body" key={w}>
            {w}
          </p>
        ))}
        <WarningText>{confirmText.warning}</WarningText>
        {inputs.map((i) => (
          <input key={i.name} type="hidden" name={i.name} value={values[i.name] ?? ""} />
        ))}
        <button type="submit" name="step" value="confirm" className="button button--warning" disabled={pending}>
          {confirmText.button}
        </button>
        <button type="submit" name="step" value="edit" className="button button--secondary" disabled={pending}>
          Go back and change
        </button>
      </form>
    );
  }

  return (
    <form action={action} noValidate key={JSON.stringify(values) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      {hidden}
      <input type="hidden" name="step" value="check" />
      {inputs.map((i) => {
        const common = { name: i.name, label: i.label, hint: i.hint, error: errors?.[i.name] };
        switch (i.type) {
          case "date":
            return <DateInput key={i.name} name={i.name} legend={i.label} hint={i.hint} example="3 2 2025" error={errors?.[i.name]} values={values} />;
          case "text":
            return <TextArea key={i.name} {...common} defaultValue={values[i.name] ?? ""} />;
          case "boolean":
            return <Checkbox key={i.name} {...common} defaultChecked={values[i.name] === "yes"} />;
          case "partyId":
            return <Radios key={i.name} name={i.name} legend={i.label} hint={i.hint} error={errors?.[i.name]} options={parties} defaultValue={values[i.name]} />;
          case "choice":
            return <Radios key={i.name} name={i.name} legend={i.label} hint={i.hint} error={errors?.[i.name]} options={i.options ?? []} defaultValue={values[i.name]} />;
          default:
            return <TextField key={i.name} {...common} defaultValue={values[i.name] ?? ""} />;
        }
      })}
      {inputs.length === 0 && <p className="body">Nothing else needs to be recorded for this step.</p>}
      <button type="submit" className={`button${confirm ? " button--warning" : ""}`} disabled={pending}>
        {confirm ? "Continue" : label}
      </button>
    </form>
  );
}
