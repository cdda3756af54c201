"use client";
import { WarningText } from "@/components/WarningText";
/**
 * The five question steps of the new-referral form. Each renders inputs registered with the one
 * react-hook-form instance owned by NewReferralForm, so answers survive moving between steps.
 * Field ids are the field paths ("child.name"), which the error summary links to.
 */
import { useRef, useState, type RefObject } from "react";
import { useFieldArray, useWatch, type FieldPath, type UseFormReturn } from "react-hook-form";
import { Checkboxes, DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import {
  CASE_KIND_OPTIONS,
  CONTACT_METHOD_OPTIONS,
  DRS_SCOPE_OPTIONS,
  FAMILY_PARTY_OPTIONS,
  ISSUE_CATEGORY_OPTIONS,
  OTHER_PARTY_KIND_OPTIONS,
  PARTY_KINDS_WITH_AUTHORITY,
  REQUESTER_OPTIONS,
  STAFF_NOTES_HINT,
  STAFF_NOTES_LABEL,
  SUMMARY_HINT,
  SUMMARY_LABEL,
  type PartyKindValue,
} from "@/lib/cases/options";
import { EMPTY_ISSUE, EMPTY_OTHER_PARTY, MAX_ISSUES, MAX_OTHER_PARTIES, type ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import type { ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import { isTypedDate, parentForOlderChildWarning } from "@/lib/cases/fields";
import { DECISION_NOT_KNOWN, DECISION_OPTIONS, isSectionIOnly } from "@/lib/cases/about/rules";
import { todayInLondon } from "@/lib/deadlines/calendar";
import { joinDateParts, splitDateValue } from "@/lib/platform/dates/date-input";

export type Form = UseFormReturn<ReferralFormValues>;
type Props = { form: Form; errors: Record<string, string> };

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

/** Radios registered with react-hook-form. */
function FormRadios({ form, name, ...rest }: { form: Form; name: FieldPath<ReferralFormValues> } & Omit<Parameters<typeof Radios>[0], "name" | "inputProps">) {
  return <Radios name={name} inputProps={() => form.register(name)} {...rest} />;
}

/**
 * A date input (day, month and year boxes) held by react-hook-form as one string: its ISO date, ""
 * or the boxes as typed, which the step's schema explains (lib/platform/dates/date-input.ts). The
 * boxes keep exactly what was typed while the step is on screen.
 */
function FormDateInput({ form, name, ...rest }: { form: Form; name: "child.dateOfBirth" | "decisionSentOn" | "laNotifiedOn" } & Omit<Parameters<typeof DateInput>[0], "name" | "value" | "onChange" | "values" | "defaultValue">) {
  const [parts, setParts] = useState(() => splitDateValue(form.getValues(name)));
  return (
    <DateInput
      name={name}
      value={parts}
      onChange={(next) => {
        setParts(next);
        form.setValue(name, joinDateParts(next), { shouldDirty: true });
      }}
      {...rest}
    />
  );
}

export function WhoStep({ form, errors }: Props) {
  return (
    <>
      <FormRadios
        form={form}
        name="requestedBy"
        legend="Who referred the case?"
        hint="Whoever referred it, the 30-day clock starts on the day the family’s request for mediation reached the local authority (R-20): you give that date later."
        options={REQUESTER_OPTIONS}
        error={errors.requestedBy}
      />
      <FormRadios form={form} name="kind" legend="What kind of case is it?" options={CASE_KIND_OPTIONS} error={errors.kind} />
      <FormRadios
        form={form}
        name="familyParty"
        legend="Who is the family side of the case?"
        hint="The child’s parent or carer, or the young person themselves if they are over compulsory school age."
        options={FAMILY_PARTY_OPTIONS}
        error={errors.familyParty}
      />
    </>
  );
}

export function ChildStep({ form, errors }: Props) {
  const youngPerson = useWatch({ control: form.control, name: "familyParty" }) === "YOUNG_PERSON";
  const dateOfBirth = useWatch({ control: form.control, name: "child.dateOfBirth" });
  // a warning, never a block, when a parent is the family party for someone 16 or over.
  const olderChild = !youngPerson && isTypedDate(dateOfBirth) && !errors["child.dateOfBirth"] ? parentForOlderChildWarning(dateOfBirth, todayInLondon()) : null;
  return (
    <>
      <TextField id="child.name" label={youngPerson ? "Young person’s full name" : "Child’s full name"} autoComplete="off" spellCheck={false} error={errors["child.name"]} {...form.register("child.name")} />
      <FormDateInput form={form} name="child.dateOfBirth" legend="Date of birth (optional)" error={errors["child.dateOfBirth"]} />
      {olderChild && <WarningText>{olderChild}</WarningText>}
      <TextField
        id="child.setting"
        label="School, college or early years setting (optional)"
        error={errors["child.setting"]}
        {...form.register("child.setting")}
      />
      <FormRadios form={form} name="child.hasEhcPlan" legend={youngPerson ? "Does the young person have an EHC plan?" : "Does the child have an EHC plan?"} options={YES_NO} error={errors["child.hasEhcPlan"]} />
    </>
  );
}

export function DecisionStep({ form, errors, localAuthorities, preview }: Props & { localAuthorities: { id: string; name: string }[]; preview: ReferralDatesPreview | null }) {
  const kind = useWatch({ control: form.control, name: "kind" });
  const decisions = useWatch({ control: form.control, name: "disputedDecisions" }) ?? [];
  const drs = kind === "DRS";
  return (
    <>
      <SelectField
        id="localAuthorityId"
        label="Local authority"
        options={[{ value: "", label: "Select a local authority" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
        error={errors.localAuthorityId}
        {...form.register("localAuthorityId")}
      />
      {drs ? (
        <FormRadios form={form} name="drsScope" legend="What is the disagreement about?" options={DRS_SCOPE_OPTIONS} error={errors.drsScope} />
      ) : (
        <>
          <Checkboxes
            name="disputedDecisions"
            legend="Which decisions does the family disagree with?"
            hint="Select all that apply (R-02)."
            options={DECISION_OPTIONS}
            dividerBefore={DECISION_NOT_KNOWN}
            error={errors.disputedDecisions}
            inputProps={() => form.register("disputedDecisions")}
          />
          {/* section I only disputes are exempt from the certificate requirement. */}
          {isSectionIOnly(decisions) && (
            <p className="inset" data-testid="section-i-note">
              If the family disagrees only about the school or college named in the plan (section I), they do not need a mediation certificate to appeal. They can still choose mediation.
            </p>
          )}
        </>
      )}
      <FormDateInput
        form={form}
        name="decisionSentOn"
        legend={drs ? "Date a related decision was sent (optional)" : "Date the decision was sent"}
        hint={drs ? "If the family also disagrees with a decision they can appeal, its date keeps the appeal clock visible." : "The date on the local authority’s decision letter."}
        example="3 2 2025"
        error={errors.decisionSentOn}
      />
      <div aria-live="polite" data-testid="decision-warning">
        {!drs && preview?.lateDecisionWarning && (
          <WarningText>{preview.lateDecisionWarning}</WarningText>
        )}
      </div>
      {kind === "MEDIATION" && (
        <>
          <FormDateInput
            form={form}
            name="laNotifiedOn"
            legend="Date the local authority was told the family wants mediation (optional)"
            hint="The 30-day mediation deadline counts from this date. Leave it blank if the local authority has not been told yet."
            example="3 2 2025"
            error={errors.laNotifiedOn}
          />
          <DeadlinePreview preview={preview} />
        </>
      )}
      {/* what is shared and what is for staff only are two fields, each labelled for who reads it. */}
      <TextArea id="summary" label={SUMMARY_LABEL} hint={SUMMARY_HINT} error={errors.summary} {...form.register("summary")} />
      <TextArea id="staffNotes" label={STAFF_NOTES_LABEL} hint={STAFF_NOTES_HINT} error={errors.staffNotes} {...form.register("staffNotes")} />
    </>
  );
}

/** The statutory dates worked out on the server (lib/deadlines), announced politely as they change. */
export function DeadlinePreview({ preview }: { preview: ReferralDatesPreview | null }) {
  return (
    <div aria-live="polite" data-testid="deadline-preview">
      {preview?.mediationBy && (
        <div className="inset">
          <p className="body">
            Mediation must take place by <strong>{preview.mediationBy.long}</strong> (30 days after the local authority was told).
          </p>
          {preview.healthNotificationBy && (
            <p className="body">
              The local authority must tell the health commissioning body by <strong>{preview.healthNotificationBy.long}</strong> (3 working days).
            </p>
          )}
        </div>
      )}
      {preview?.fieldErrors.laNotifiedOn && <p className="body">We cannot work out the deadlines for this date: {preview.fieldErrors.laNotifiedOn}</p>}
    </div>
  );
}

export function IssuesStep({ form, errors }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "issues" });
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <div id="issues" tabIndex={-1}>
      <p className="body">Add each thing the family disagrees about. You need at least one.</p>
      {errors.issues && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors.issues}
        </p>
      )}
      {fields.map((f, i) => (
        <fieldset key={f.id} className="form-group">
          <legend id={`issue-${i}-legend`} className="h-s">
            Issue {i + 1}
          </legend>
          <FormRadios form={form} name={`issues.${i}.category`} legend="What is it about?" options={ISSUE_CATEGORY_OPTIONS} error={errors[`issues.${i}.category`]} />
          <TextArea id={`issues.${i}.description`} label="Describe the issue" error={errors[`issues.${i}.description`]} {...form.register(`issues.${i}.description`)} />
          {fields.length > 1 && (
            <RemoveRowButton label={`Remove issue ${i + 1}`} onRemove={() => remove(i)} focusAfter={addRef} />
          )}
        </fieldset>
      ))}
      {fields.length < MAX_ISSUES && (
        <button type="button" ref={addRef} className="button button--secondary" onClick={() => append({ ...EMPTY_ISSUE }, { shouldFocus: true, focusName: `issues.${fields.length}.category` })}>
          Add another issue
        </button>
      )}
    </div>
  );
}

function ContactFields({ form, errors, prefix, optionalContact }: Props & { prefix: "family" | `parties.${number}`; optionalContact: boolean }) {
  const p = prefix;
  const opt = optionalContact ? " (optional)" : "";
  return (
    <>
      <TextField id={`${p}.email`} type="email" label={`Email address${opt}`} autoComplete="off" spellCheck={false} error={errors[`${p}.email`]} {...form.register(`${p}.email`)} />
      <TextField id={`${p}.phone`} type="tel" label={`Phone number${opt}`} autoComplete="off" error={errors[`${p}.phone`]} {...form.register(`${p}.phone`)} />
      <TextArea id={`${p}.address`} label="Postal address (optional)" rows={3} error={errors[`${p}.address`]} {...form.register(`${p}.address`)} />
      <FormRadios form={form} name={`${p}.preferredContact`} legend="How do they prefer to be contacted?" options={CONTACT_METHOD_OPTIONS} error={errors[`${p}.preferredContact`]} />
      <TextArea
        id={`${p}.accessNeeds`}
        label="Access needs (optional)"
        hint="For example, an interpreter, step-free access or documents in large print."
        rows={3}
        error={errors[`${p}.accessNeeds`]}
        {...form.register(`${p}.accessNeeds`)}
      />
    </>
  );
}

export function PartiesStep({ form, errors }: Props) {
  const youngPerson = useWatch({ control: form.control, name: "familyParty" }) === "YOUNG_PERSON";
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "parties" });
  const kinds = useWatch({ control: form.control, name: "parties" }).map((p) => p.kind);
  const addRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <fieldset className="form-group" aria-describedby="family-hint">
        <legend className="h-m">{youngPerson ? "The young person" : "The parent or carer"}</legend>
        <span className="hint" id="family-hint">
          Give an email address or a phone number, or both.
        </span>
        <TextField id="family.name" label="Full name" autoComplete="off" spellCheck={false} error={errors["family.name"]} {...form.register("family.name")} />
        <ContactFields form={form} errors={errors} prefix="family" optionalContact={false} />
      </fieldset>

      <h2 className="h-m">Other parties</h2>
      <p className="body">For example, the local authority’s representative, who must have authority to resolve the issues, or a supporter the family brings.</p>
      {fields.map((f, i) => {
        const kind = kinds[i];
        return (
          <fieldset key={f.id} className="form-group">
            <legend id={`party-${i}-legend`} className="h-s">
              Party {i + 1}
            </legend>
            <SelectField
              id={`parties.${i}.kind`}
              label="Who are they?"
              options={[{ value: "", label: "Select who they are" }, ...OTHER_PARTY_KIND_OPTIONS]}
              error={errors[`parties.${i}.kind`]}
              {...form.register(`parties.${i}.kind`)}
            />
            <TextField id={`parties.${i}.name`} label="Full name" autoComplete="off" spellCheck={false} error={errors[`parties.${i}.name`]} {...form.register(`parties.${i}.name`)} />
            <TextField id={`parties.${i}.organisation`} label="Organisation (optional)" error={errors[`parties.${i}.organisation`]} {...form.register(`parties.${i}.organisation`)} />
            <ContactFields form={form} errors={errors} prefix={`parties.${i}`} optionalContact />
            {kind && PARTY_KINDS_WITH_AUTHORITY.includes(kind as PartyKindValue) && (
              <FormRadios
                form={form}
                name={`parties.${i}.hasAuthority`}
                legend="Do they have authority to resolve the issues? (optional)"
                hint="Leave this unanswered if you do not know yet."
                options={YES_NO}
                error={errors[`parties.${i}.hasAuthority`]}
              />
            )}
            <RemoveRowButton label={`Remove party ${i + 1}`} onRemove={() => remove(i)} focusAfter={addRef} />
          </fieldset>
        );
      })}
      {fields.length < MAX_OTHER_PARTIES && (
        <button type="button" ref={addRef} className="button button--secondary" onClick={() => append({ ...EMPTY_OTHER_PARTY }, { shouldFocus: true, focusName: `parties.${fields.length}.kind` })}>
          Add a party
        </button>
      )}
    </>
  );
}

/** Removes a repeated row and moves focus to its "Add another" button, so keyboard users are not lost. */
function RemoveRowButton({ label, onRemove, focusAfter }: { label: string; onRemove: () => void; focusAfter: RefObject<HTMLButtonElement | null> }) {
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => {
        onRemove();
        focusAfter.current?.focus();
      }}
    >
      {label}
    </button>
  );
}
