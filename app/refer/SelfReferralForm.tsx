/**
 * The public self-referral form (/refer): a plain form post to its own page, no JavaScript
 * (decision 0038). A refusal is the page again with what was typed (the values echoed back).
 */
import { ErrorSummary } from "@/components/ErrorSummary";
import { Checkboxes, DateInput, Radios, SelectField, TextArea, TextField } from "@/components/fields";
import { FAMILY_PARTY_LABELS } from "@/lib/cases/options";
import { HONEYPOT_FIELD, NOT_SURE, PLAN_NOT_SURE } from "@/lib/cases/intake/self-referral-answers";
import { DECISION_FAMILY_OPTIONS, toAnswerList } from "@/lib/cases/about/rules";
import type { ActionState } from "@/app/_server/action-chain";
import { SubmissionKeyField } from "@/components/SubmissionKeyField";

const WHO_OPTIONS = [
  { value: "PARENT", label: FAMILY_PARTY_LABELS.PARENT, hint: "You are asking for mediation for your child." },
  { value: "YOUNG_PERSON", label: "The young person", hint: "You are over school-leaving age and under 25, and you are asking for yourself." },
];

const PLAN_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: PLAN_NOT_SURE, label: "I’m not sure" },
];

/** what the disagreement is about; a health issue brings in the health service. */
const CATEGORY_OPTIONS = [
  { value: "EDUCATION", label: "Education", hint: "For example the help at school, the school named, or an assessment." },
  { value: "HEALTH", label: "Health", hint: "For example therapy or nursing the NHS provides (sections C and G of a plan)." },
  { value: "SOCIAL_CARE", label: "Social care", hint: "For example short breaks or care at home (sections D and H of a plan)." },
];

export function SelfReferralForm({ localAuthorities, submissionKey, state }: { localAuthorities: { id: string; name: string }[]; submissionKey?: string; state: ActionState | null }) {
  const v = state?.values ?? {};
  const e = state?.fieldErrors ?? {};
  return (
    <form method="post" noValidate>
      {submissionKey && <SubmissionKeyField value={submissionKey} />}
      <ErrorSummary errors={e} message={state?.message} />

      <Radios name="familyParty" legend="Who are you?" options={WHO_OPTIONS} defaultValue={v.familyParty} error={e.familyParty} />

      <h2 className="h-m">Your details</h2>
      <TextField name="name" label="Your full name" autoComplete="name" spellCheck={false} defaultValue={v.name} error={e.name} />
      <TextField
        name="email"
        type="email"
        label="Your email address"
        hint="We will send your reference number here."
        autoComplete="email"
        spellCheck={false}
        defaultValue={v.email}
        error={e.email}
      />
      <TextField name="phone" type="tel" label="Your phone number (optional)" autoComplete="tel" defaultValue={v.phone} error={e.phone} />

      <h2 className="h-m">The child or young person</h2>
      <TextField
        name="childName"
        label="The child’s full name"
        hint="If you are the young person, you can leave this blank."
        autoComplete="off"
        spellCheck={false}
        defaultValue={v.childName}
        error={e.childName}
      />
      {/* bday: when the young person asks for themselves, it is their own date of birth. */}
      <DateInput name="childDateOfBirth" legend="Their date of birth (optional)" values={v} error={e.childDateOfBirth} dateOfBirth />

      <h2 className="h-m">The disagreement</h2>
      <SelectField
        name="localAuthorityId"
        label="Which local council made the decision?"
        options={[{ value: "", label: "Select your local council" }, ...localAuthorities.map((la) => ({ value: la.id, label: la.name }))]}
        defaultValue={v.localAuthorityId ?? ""}
        error={e.localAuthorityId}
      />
      <Radios name="hasEhcPlan" legend="Does your child have an EHC plan?" hint="If you are the young person: do you have one?" options={PLAN_OPTIONS} defaultValue={v.hasEhcPlan} error={e.hasEhcPlan} />
      <Checkboxes
        name="disputedDecisions"
        legend="Which decisions do you disagree with?"
        hint="Select all that apply."
        options={DECISION_FAMILY_OPTIONS}
        dividerBefore={NOT_SURE}
        defaultValues={toAnswerList(v.disputedDecisions)}
        error={e.disputedDecisions}
      />
      <Checkboxes
        name="issueCategories"
        legend="What is the disagreement about?"
        hint="Select all that apply."
        options={CATEGORY_OPTIONS}
        defaultValues={toAnswerList(v.issueCategories)}
        error={e.issueCategories}
      />
      <DateInput
        name="decisionSentOn"
        legend="The date on the decision letter (optional)"
        hint="Leave this blank if you do not have the letter."
        example="3 2 2025"
        values={v}
        error={e.decisionSentOn}
      />
      <TextArea
        name="details"
        label="Is there anything else we should know? (optional)"
        hint="For example, the best time to phone you, or any help you need to take part, such as an interpreter."
        defaultValue={v.details}
        error={e.details}
      />

      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
        <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <p className="body">We only use these details to help with your request.</p>
      <button type="submit" className="button">
        Send request
      </button>
    </form>
  );
}
