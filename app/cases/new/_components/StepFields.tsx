/**
 * The questions of the five new-referral steps, rendered on the server from the saved answers (a
 * plain form: no JavaScript needed). Field names and ids are the answers' paths ("child.name",
 * "issues.0.category"), which the error summary links to and lib/cases/intake/referral-steps.ts
 * reads back. "Add another" and "Remove" are submit buttons of the step's form.
 */
import { Checkboxes, DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { WarningText } from "@/components/WarningText";
import {
  CASE_KIND_OPTIONS,
  CONTACT_METHOD_OPTIONS,
  DRS_SCOPE_OPTIONS,
  FAMILY_PARTY_OPTIONS,
  ISSUE_CATEGORY_OPTIONS,
  OTHER_PARTY_KIND_OPTIONS,
  REQUESTER_OPTIONS,
  STAFF_NOTES_HINT,
  STAFF_NOTES_LABEL,
  SUMMARY_HINT,
  SUMMARY_LABEL,
} from "@/lib/cases/options";
import { MAX_ISSUES, MAX_OTHER_PARTIES, type ReferralFormValues } from "@/lib/cases/intake/referral-schema";
import { INTENT_FIELD, decisionQuestions } from "@/lib/cases/intake/referral-steps";
import type { ReferralDatesPreview } from "@/lib/cases/intake/preview-referral-dates";
import { isTypedDate, parentForOlderChildWarning } from "@/lib/cases/fields";
import { DECISION_NOT_KNOWN, DECISION_OPTIONS, isSectionIOnly } from "@/lib/cases/about/rules";
import { LiveDeadlinePreview, LiveDecisionWarning, LiveSectionINote, type PreviewContext } from "./LivePreview";

type Props = { values: ReferralFormValues; errors: Record<string, string> };

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

export function WhoStep({ values, errors }: Props) {
  return (
    <>
      <Radios
        name="requestedBy"
        legend="Who referred the case?"
        hint="Whoever referred it, the 30-day clock starts on the day the family’s request for mediation reached the local authority (R-20): you give that date later."
        options={REQUESTER_OPTIONS}
        defaultValue={values.requestedBy}
        error={errors.requestedBy}
      />
      <Radios name="kind" legend="What kind of case is it?" options={CASE_KIND_OPTIONS} defaultValue={values.kind} error={errors.kind} />
      <Radios
        name="familyParty"
        legend="Who is the family side of the case?"
        hint="The child’s parent or carer, or the young person themselves if they are over compulsory school age."
        options={FAMILY_PARTY_OPTIONS}
        defaultValue={values.familyParty}
        error={errors.familyParty}
      />
    </>
  );
}

export function ChildStep({ values, errors, today }: Props & { today: string }) {
  const youngPerson = values.familyParty === "YOUNG_PERSON";
  const dob = values.child.dateOfBirth;
  // a warning, never a block, when a parent is the family party for someone 16 or over.
  const olderChild = !youngPerson && isTypedDate(dob) && !errors["child.dateOfBirth"] ? parentForOlderChildWarning(dob, today) : null;
  return (
    <>
      <TextField
        name="child.name"
        label={youngPerson ? "Young person’s full name" : "Child’s full name"}
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.child.name}
        error={errors["child.name"]}
      />
      <DateInput name="child.dateOfBirth" legend="Date of birth (optional)" defaultValue={dob} error={errors["child.dateOfBirth"]} />
      {olderChild && <WarningText>{olderChild}</WarningText>}
      <TextField name="child.setting" label="School, college or early years setting (optional)" defaultValue={values.child.setting} error={errors["child.setting"]} />
      <Radios
        name="child.hasEhcPlan"
        legend={youngPerson ? "Does the young person have an EHC plan?" : "Does the child have an EHC plan?"}
        options={YES_NO}
        defaultValue={values.child.hasEhcPlan}
        error={errors["child.hasEhcPlan"]}
      />
    </>
  );
}

export function DecisionStep({
  values,
  errors,
  localAuthorities,
  preview,
  context,
}: Props & { localAuthorities: { id: string; name: string }[]; preview: ReferralDatesPreview | null; context: PreviewContext }) {
  const asked = decisionQuestions(values.kind);
  return (
    <>
      <SelectField
        name="localAuthorityId"
        label="Local authority"
        options={[{ value: "", label: "Select a local authority" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
        defaultValue={values.localAuthorityId}
        error={errors.localAuthorityId}
      />
      {asked.drsScope && <Radios name="drsScope" legend="What is the disagreement about?" options={DRS_SCOPE_OPTIONS} defaultValue={values.drsScope} error={errors.drsScope} />}
      {asked.decisions && (
        <>
          <Checkboxes
            name="disputedDecisions"
            legend="Which decisions does the family disagree with?"
            hint="Select all that apply (R-02)."
            options={DECISION_OPTIONS}
            dividerBefore={DECISION_NOT_KNOWN}
            defaultValues={values.disputedDecisions}
            error={errors.disputedDecisions}
          />
          {/* section I only disputes are exempt from the certificate requirement. */}
          <LiveSectionINote initial={isSectionIOnly(values.disputedDecisions)} />
        </>
      )}
      <DateInput
        name="decisionSentOn"
        legend={asked.drsScope ? "Date a related decision was sent (optional)" : "Date the decision was sent"}
        hint={asked.drsScope ? "If the family also disagrees with a decision they can appeal, its date keeps the appeal clock visible." : "The date on the local authority’s decision letter."}
        example="3 2 2025"
        defaultValue={values.decisionSentOn}
        error={errors.decisionSentOn}
      />
      {asked.decisions && <LiveDecisionWarning initial={preview} context={context} />}
      {asked.laNotifiedOn && (
        <>
          <DateInput
            name="laNotifiedOn"
            legend="Date the local authority was told the family wants mediation (optional)"
            hint="The 30-day mediation deadline counts from this date. Leave it blank if the local authority has not been told yet."
            example="3 2 2025"
            defaultValue={values.laNotifiedOn}
            error={errors.laNotifiedOn}
          />
          <LiveDeadlinePreview initial={preview} context={context} />
        </>
      )}
      {/* what is shared and what is for staff only are two fields, each labelled for who reads it. */}
      <TextArea name="summary" label={SUMMARY_LABEL} hint={SUMMARY_HINT} defaultValue={values.summary} error={errors.summary} />
      <TextArea name="staffNotes" label={STAFF_NOTES_LABEL} hint={STAFF_NOTES_HINT} defaultValue={values.staffNotes} error={errors.staffNotes} />
    </>
  );
}

/**
 * The first submit button in a form is the one Enter presses: with "Add" and "Remove" buttons
 * above "Continue", this hidden copy of "Continue" comes first.
 */
export function DefaultContinue() {
  return <button type="submit" name={INTENT_FIELD} value="continue" hidden tabIndex={-1} aria-hidden="true" />;
}

export function IssuesStep({ values, errors }: Props) {
  return (
    <div id="issues" tabIndex={-1}>
      <DefaultContinue />
      <p className="body">Add each thing the family disagrees about. You need at least one.</p>
      {errors.issues && (
        <p className="error-message">
          <span className="visually-hidden">Error:</span> {errors.issues}
        </p>
      )}
      {values.issues.map((issue, i) => (
        <fieldset key={i} className="form-group">
          <legend id={`issue-${i}-legend`} className="h-s">
            Issue {i + 1}
          </legend>
          <Radios
            name={`issues.${i}.category`}
            legend="What is it about?"
            options={ISSUE_CATEGORY_OPTIONS}
            defaultValue={issue.category}
            error={errors[`issues.${i}.category`]}
          />
          <TextArea name={`issues.${i}.description`} label="Describe the issue" defaultValue={issue.description} error={errors[`issues.${i}.description`]} />
          {values.issues.length > 1 && (
            <button type="submit" name={INTENT_FIELD} value={`remove-issue-${i}`} className="button button--secondary">
              Remove issue {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      {values.issues.length < MAX_ISSUES && (
        <button type="submit" id="add-issue" name={INTENT_FIELD} value="add-issue" className="button button--secondary">
          Add another issue
        </button>
      )}
    </div>
  );
}

function ContactFields({ values, errors, prefix, optionalContact }: { values: ReferralFormValues["family"]; errors: Record<string, string>; prefix: string; optionalContact: boolean }) {
  const p = prefix;
  const opt = optionalContact ? " (optional)" : "";
  return (
    <>
      <TextField name={`${p}.email`} type="email" label={`Email address${opt}`} autoComplete="off" spellCheck={false} defaultValue={values.email} error={errors[`${p}.email`]} />
      <TextField name={`${p}.phone`} type="tel" label={`Phone number${opt}`} autoComplete="off" defaultValue={values.phone} error={errors[`${p}.phone`]} />
      <TextArea name={`${p}.address`} label="Postal address (optional)" rows={3} defaultValue={values.address} error={errors[`${p}.address`]} />
      <Radios
        name={`${p}.preferredContact`}
        legend="How do they prefer to be contacted?"
        options={CONTACT_METHOD_OPTIONS}
        defaultValue={values.preferredContact}
        error={errors[`${p}.preferredContact`]}
      />
      <TextArea
        name={`${p}.accessNeeds`}
        label="Access needs (optional)"
        hint="For example, an interpreter, step-free access or documents in large print."
        rows={3}
        defaultValue={values.accessNeeds}
        error={errors[`${p}.accessNeeds`]}
      />
    </>
  );
}

export function PartiesStep({ values, errors }: Props) {
  const youngPerson = values.familyParty === "YOUNG_PERSON";
  return (
    <>
      <DefaultContinue />
      <fieldset className="form-group" aria-describedby="family-hint">
        <legend className="h-m">{youngPerson ? "The young person" : "The parent or carer"}</legend>
        <span className="hint" id="family-hint">
          Give an email address or a phone number, or both.
        </span>
        <TextField name="family.name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={values.family.name} error={errors["family.name"]} />
        <ContactFields values={values.family} errors={errors} prefix="family" optionalContact={false} />
      </fieldset>

      <h2 className="h-m">Other parties</h2>
      <p className="body">For example, the local authority’s representative, who must have authority to resolve the issues, or a supporter the family brings.</p>
      {values.parties.map((party, i) => (
        <fieldset key={i} className="form-group">
          <legend id={`party-${i}-legend`} className="h-s">
            Party {i + 1}
          </legend>
          <SelectField
            name={`parties.${i}.kind`}
            label="Who are they?"
            options={[{ value: "", label: "Select who they are" }, ...OTHER_PARTY_KIND_OPTIONS]}
            defaultValue={party.kind}
            error={errors[`parties.${i}.kind`]}
          />
          <TextField name={`parties.${i}.name`} label="Full name" autoComplete="off" spellCheck={false} defaultValue={party.name} error={errors[`parties.${i}.name`]} />
          <TextField name={`parties.${i}.organisation`} label="Organisation (optional)" defaultValue={party.organisation} error={errors[`parties.${i}.organisation`]} />
          <ContactFields values={party} errors={errors} prefix={`parties.${i}`} optionalContact />
          {/* asked of the local authority's and the health body's representatives (kept for no one else). */}
          <Radios
            name={`parties.${i}.hasAuthority`}
            legend="Do they have authority to resolve the issues? (optional)"
            hint="Only for a local authority or health body representative. Leave this unanswered if you do not know yet."
            options={YES_NO}
            defaultValue={party.hasAuthority}
            error={errors[`parties.${i}.hasAuthority`]}
          />
          <button type="submit" name={INTENT_FIELD} value={`remove-party-${i}`} className="button button--secondary">
            Remove party {i + 1}
          </button>
        </fieldset>
      ))}
      {values.parties.length < MAX_OTHER_PARTIES && (
        <button type="submit" id="add-party" name={INTENT_FIELD} value="add-party" className="button button--secondary">
          Add a party
        </button>
      )}
    </>
  );
}
