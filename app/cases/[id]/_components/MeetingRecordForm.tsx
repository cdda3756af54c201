"use client";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/ErrorSummary";
import { PageTitle } from "@/components/PageTitle";
import { Checkboxes, DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { Checkbox } from "@/components/Checkbox";
import { WarningText } from "@/components/WarningText";
import { IDLE_STATE } from "@/components/action-state";
import { toAnswerList } from "@/lib/cases/about/rules";
import {
  AGREEMENT_OPTIONS,
  CAPACITIES_WITH_AUTHORITY,
  CAPACITY_LABELS,
  CAPACITY_VALUES,
  CHILD_VIEWS_LABELS,
  CHILD_VIEWS_VALUES,
  EXPENSES_STATUS_LABELS,
  EXPENSES_STATUS_VALUES,
  HELD_MODE_LABELS,
  HELD_MODE_VALUES,
  PAYER_LABELS,
  PAYER_VALUES,
  meetingRecordFromForm,
  recordSummary,
  type CapacityValue,
} from "@/lib/meetings/record/meeting-record-form";
import { recordMeetingAction } from "../meeting/record/actions";
import { RecordSummaryList } from "./RecordSummaryList";

export type RecordFormRow = { partyId: string; label: string; name: string; capacity: string; hint: string | null };

const options = <V extends string>(values: readonly V[], labels: Record<V, string>) => values.map((value) => ({ value, label: labels[value] }));
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const CAPACITY_OPTIONS = [{ value: "", label: "Choose a capacity" }, ...options(CAPACITY_VALUES, CAPACITY_LABELS)];
/** Fields the form adds itself; the rest of the posted values go back as hidden fields on the check step. */
const OWN_FIELDS = new Set(["caseId", "version", "step"]);

/**
 * The meeting record (issue 10): when it was held, who attended, the child's views,
 * expenses, the outcome and private notes. "Continue" shows the answers
 * to check before anything is saved. Works without JavaScript (plain posts; every field shown).
 */
export function MeetingRecordForm({
  caseId,
  version,
  rows,
  askMode,
  privateNotes,
  childName,
  defaults,
  title,
}: {
  caseId: string;
  version: number;
  rows: RecordFormRow[];
  askMode: boolean;
  privateNotes: boolean;
  childName: string | null;
  defaults: Record<string, string>;
  title: string;
}) {
  const [state, action, pending] = useActionState(recordMeetingAction, IDLE_STATE);
  const values: Record<string, string> = state.values ?? defaults;
  const errors = state.fieldErrors;
  const hasFieldErrors = !!errors && Object.keys(errors).length > 0;
  const hidden = (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={values.version ?? String(version)} />
    </>
  );
  const child = childName ?? "the child or young person";

  if (state.status === "success" && state.data?.confirm === true) {
    return (
      <form action={action} key="confirm">
        <PageTitle title={`Check the meeting record – ${title}`} />
        {hidden}
        <h2 className="h-m">Check the meeting record before saving it</h2>
        <RecordSummaryList summary={recordSummary(meetingRecordFromForm(values))} />
        <WarningText>Saving records the meeting as held and moves the case on. The record cannot be changed afterwards.</WarningText>
        {Object.entries(values)
          .filter(([k]) => !OWN_FIELDS.has(k))
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <button type="submit" name="step" value="confirm" className="button" disabled={pending}>
          Save the meeting record
        </button>
        <button type="submit" name="step" value="edit" className="button button--secondary" disabled={pending}>
          Go back and change
        </button>
      </form>
    );
  }

  const row = (i: number, k: string) => values[`attendees.${i}.${k}`] ?? "";
  const err = (k: string) => errors?.[k];
  return (
    <form action={action} noValidate key={JSON.stringify(values) + state.status}>
      <ErrorSummary errors={errors} message={hasFieldErrors ? undefined : state.message} title={title} />
      {hidden}
      <input type="hidden" name="step" value="check" />

      <h2 className="h-m">When it was held</h2>
      <DateInput name="heldOn" legend="Date the meeting was held" example="24 4 2025" error={err("heldOn")} values={values} />
      <TextField name="startTime" label="Time it started" hint="Use the 24-hour clock, like 10:00 (UK time)." defaultValue={values.startTime ?? ""} error={err("startTime")} />
      <TextField name="endTime" label="Time it ended" hint="Like 12:30." defaultValue={values.endTime ?? ""} error={err("endTime")} />
      {askMode && <Radios name="mode" legend="How was the meeting held?" options={options(HELD_MODE_VALUES, HELD_MODE_LABELS)} defaultValue={values.mode} error={err("mode")} />}

      <div className={`form-group${err("attendees") ? " form-group--error" : ""}`}>
        <fieldset id="attendees" tabIndex={-1} aria-describedby={`attendees-hint${err("attendees") ? " attendees-error" : ""}`}>
          <legend className="h-m">Who attended</legend>
          <span className="hint" id="attendees-hint">
            Tick everyone who attended. For the local authority and the integrated care board, say whether they had authority to resolve the issues (R-24).
          </span>
          {err("attendees") && (
            <span className="error-message" id="attendees-error">
              <span className="visually-hidden">Error:</span> {err("attendees")}
            </span>
          )}
          {rows.map((r, i) =>
            r.partyId ? (
              <div key={i} className="inset" data-testid="attendee-row">
                <input type="hidden" name={`attendees.${i}.partyId`} value={r.partyId} />
                <input type="hidden" name={`attendees.${i}.name`} value={r.name} />
                <input type="hidden" name={`attendees.${i}.capacity`} value={r.capacity} />
                <input type="hidden" name={`attendees.${i}.organisation`} value={row(i, "organisation")} />
                <Checkbox name={`attendees.${i}.attended`} label={r.label} hint={r.hint ?? undefined} defaultChecked={row(i, "attended") === "yes"} error={err(`attendees.${i}.attended`)} />
                {CAPACITIES_WITH_AUTHORITY.includes(r.capacity as CapacityValue) && (
                  <Radios
                    name={`attendees.${i}.hasAuthority`}
                    legend={`If ${r.name} attended: did they have authority to resolve the issues?`}
                    options={YES_NO}
                    defaultValue={row(i, "hasAuthority")}
                    error={err(`attendees.${i}.hasAuthority`)}
                  />
                )}
              </div>
            ) : (
              <div key={i} className="inset" data-testid="attendee-extra-row">
                <h3 className="h-s">Someone else who attended (optional)</h3>
                <TextField id={`attendees.${i}.name`} name={`attendees.${i}.name`} label="Name" defaultValue={row(i, "name")} error={err(`attendees.${i}.name`)} />
                <SelectField id={`attendees.${i}.capacity`} name={`attendees.${i}.capacity`} label="Capacity" options={CAPACITY_OPTIONS} defaultValue={row(i, "capacity")} error={err(`attendees.${i}.capacity`)} />
                <TextField id={`attendees.${i}.organisation`} name={`attendees.${i}.organisation`} label="Organisation (optional)" defaultValue={row(i, "organisation")} error={err(`attendees.${i}.organisation`)} />
                <Radios
                  name={`attendees.${i}.hasAuthority`}
                  legend="Local authority or ICB only: did they have authority to resolve the issues?"
                  options={YES_NO}
                  defaultValue={row(i, "hasAuthority")}
                  error={err(`attendees.${i}.hasAuthority`)}
                />
              </div>
            ),
          )}
        </fieldset>
      </div>

      <h2 className="h-m">The child’s or young person’s views</h2>
      <Checkboxes
        name="childViewsHow"
        legend={`How were ${child}’s views gathered?`}
        hint="Select all that apply. Where they did not attend, take reasonable steps to find out their views (R-25)."
        options={options(CHILD_VIEWS_VALUES, CHILD_VIEWS_LABELS)}
        dividerBefore="NOT_POSSIBLE"
        defaultValues={toAnswerList(values.childViewsHow)}
        error={err("childViewsHow")}
      />
      <TextArea name="childViews" label="Their views" hint="In their own words where you can." defaultValue={values.childViews ?? ""} error={err("childViews")} />
      <TextArea name="childViewsNotPossibleReason" label="If it was not possible: why" rows={2} defaultValue={values.childViewsNotPossibleReason ?? ""} error={err("childViewsNotPossibleReason")} />

      <h2 className="h-m">Expenses</h2>
      <Radios
        name="expensesClaimed"
        legend="Did the family claim travel or other expenses?"
        hint="Mediation is free to families: the local authority, or the ICB, pays reasonable travel and other expenses (R-26)."
        options={YES_NO}
        defaultValue={values.expensesClaimed}
        error={err("expensesClaimed")}
      />
      <p className="hint">If they did:</p>
      <TextField name="expensesAmount" label="Amount claimed, in pounds" hint="Like 12.50." inputMode="decimal" defaultValue={values.expensesAmount ?? ""} error={err("expensesAmount")} />
      <TextField name="expensesFor" label="What the claim is for" hint="For example, mileage and parking." defaultValue={values.expensesFor ?? ""} error={err("expensesFor")} />
      <Radios name="expensesPayer" legend="Who pays" options={options(PAYER_VALUES, PAYER_LABELS)} defaultValue={values.expensesPayer} error={err("expensesPayer")} />
      <Radios name="expensesStatus" legend="Has it been paid?" options={options(EXPENSES_STATUS_VALUES, EXPENSES_STATUS_LABELS)} defaultValue={values.expensesStatus} error={err("expensesStatus")} />

      <h2 className="h-m">Outcome</h2>
      <Radios
        name="agreement"
        legend="What did the meeting reach?"
        hint="Saving records the meeting as held. After mediation the certificate is due 3 working days after the meeting (R-30); agreed actions are followed up only after a full or partial agreement (R-40, R-72)."
        options={AGREEMENT_OPTIONS}
        defaultValue={values.agreement}
        error={err("agreement")}
      />

      {privateNotes && (
        <>
          <h2 className="h-m">Private notes</h2>
          <TextArea
            name="privateNotes"
            label="Private notes (optional)"
            hint="Only you can read these. They are never shown to the local authority, the ICB or the family (R-80). You can share them with the case team from the case page."
            rows={5}
            defaultValue={values.privateNotes ?? ""}
            error={err("privateNotes")}
          />
        </>
      )}

      <button type="submit" className="button" disabled={pending}>
        Continue
      </button>
    </form>
  );
}
