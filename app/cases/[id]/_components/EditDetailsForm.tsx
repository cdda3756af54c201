"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { DateInput, SelectField, TextArea, TextField } from "@/components/fields";
import { IDLE_STATE } from "@/components/action-state";
import { DRS_SCOPE_OPTIONS, STAFF_NOTES_HINT, STAFF_NOTES_LABEL, SUMMARY_HINT, SUMMARY_LABEL } from "@/lib/cases/options";
import { updateDetailsAction } from "../actions";
import { Notice } from "./Notice";

type Values = Record<string, string>;
type Conflict = { version: number; changedBy: string | null; changedAt: string | null; changes: { field: string; label: string; value: string }[] };

const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });

function conflictFrom(data: Record<string, unknown> | undefined): Conflict | null {
  if (!data || typeof data.version !== "number" || !Array.isArray(data.changes)) return null;
  return data as unknown as Conflict;
}

/**
 * The referral details. Carries the case version: if someone else saved first, their changes are
 * listed, the user's typed values are kept, and the version is moved on so that saving again
 * (after review) is a deliberate choice, never a silent overwrite.
 */
export function EditDetailsForm({ caseId, version, kind, initial, clockRunning, title }: { caseId: string; version: number; kind: string; initial: Values; clockRunning: boolean; title: string }) {
  const [state, action, pending] = useActionState(updateDetailsAction, IDLE_STATE);
  const v: Values = state.values ?? initial;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  const conflict = conflictFrom(state.data);
  const currentVersion = conflict ? String(conflict.version) : (v.version ?? String(version));
  const scopeOptions = [{ value: "", label: "Not recorded" }, ...DRS_SCOPE_OPTIONS];

  return (
    <form action={action} noValidate key={JSON.stringify(v) + state.status + currentVersion}>
      {conflict && (
        <Notice title="Someone else saved this case first" alert testId="conflict">
          <p className="mb-2">
            {conflict.changedBy ?? "Someone else"} changed this case
            {conflict.changedAt ? ` at ${TIME.format(new Date(conflict.changedAt))}` : ""}
            {conflict.changes.length ? ":" : "."}
          </p>
          {conflict.changes.length > 0 && (
            <ul className="body">
              {conflict.changes.map((c) => (
                <li key={c.field}>
                  <strong>{c.label}:</strong> {c.value}
                </li>
              ))}
            </ul>
          )}
          <p className="mb-0">Your changes have not been saved. They are still in the form below: check them against the changes above, then save again.</p>
        </Notice>
      )}
      <ErrorSummary errors={errors} message={conflict || hasFieldErrors ? undefined : state.message} title={title} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={currentVersion} />

      {/* what is shared and what is for staff only are two fields, each labelled for who reads it. */}
      <TextArea name="summary" label={SUMMARY_LABEL} hint={SUMMARY_HINT} defaultValue={v.summary} error={errors?.summary} />
      <TextArea name="staffNotes" label={STAFF_NOTES_LABEL} hint={STAFF_NOTES_HINT} defaultValue={v.staffNotes} error={errors?.staffNotes} />
      {kind === "DRS" ? (
        <SelectField name="drsScope" label="What the disagreement is about" hint="Disagreement resolution (R-70)" options={scopeOptions} defaultValue={v.drsScope} error={errors?.drsScope} />
      ) : (
        <>
          <DateInput name="decisionSentOn" legend="Date the decision notice was sent" hint="The appeal and adviser deadlines count from this date (R-10, R-50)." example="3 2 2025" values={v} error={errors?.decisionSentOn} />
        </>
      )}
      {kind === "MEDIATION" && (
        <DateInput
          name="laNotifiedOn"
          legend="Date the LA was told the family wants mediation"
          hint={clockRunning ? "Changing this date recalculates the 30-day deadline from the new date (R-20)." : "The 30-day clock starts on this day (R-20)."}
          example="3 2 2025"
          values={v}
          error={errors?.laNotifiedOn}
        />
      )}

      <fieldset className="mb-4">
        <legend className="h-m">Child or young person</legend>
        <TextField name="childName" label="Name" autoComplete="off" defaultValue={v.childName} error={errors?.childName} />
        <DateInput name="childDateOfBirth" legend="Date of birth" values={v} error={errors?.childDateOfBirth} />
        <TextField name="childSetting" label="School, college or setting" defaultValue={v.childSetting} error={errors?.childSetting} />
      </fieldset>

      <button type="submit" className="button" disabled={pending}>
        {conflict ? "Save my changes anyway" : "Save changes"}
      </button>
    </form>
  );
}
